-- Sync schema (docs/sync.md): the server is an access-controlled mailbox for sealed records.
-- It stores only ids, revisions, change sequence numbers, timestamps, base64 AEAD envelopes and
-- the non-secret KDF record: no title, URL, username, item type or tag ever reaches a column.
--
-- Access model:
--   * authenticated users SELECT their own rows (RLS, one policy per table);
--   * nobody writes a table directly: the API roles have no INSERT/UPDATE/DELETE right, and
--     every write is one of the security definer functions of the next migration, which check
--     the caller, the session and the expected revision;
--   * anon reaches nothing but prelogin().
-- RLS is enabled but not forced: the table owner is the role these migrations run as, which
-- also owns the write functions. Forcing would only subject those functions to the select
-- policies, and on Supabase that role bypasses RLS anyway.

-- Helpers that the API must not see live outside the exposed schema (PostgREST serves public).
create schema if not exists private;
revoke all on schema private from public;

-- Standard base64 with padding, bounded. Enforced as table constraints, so that even a
-- service_role write cannot store anything that is not an envelope-shaped string; the write
-- functions turn a violation into PT400. octet_length is O(1) and, for the ASCII the pattern
-- allows, equals the character count.
create or replace function private.is_base64(value text, max_chars integer) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select octet_length(value) between 4 and max_chars
     and octet_length(value) % 4 = 0
     and value ~ '^[A-Za-z0-9+/]*={0,2}$'
$$;
revoke all on function private.is_base64(text, integer) from public;

-- One sequence for every table, so "everything after seq N" is one ordered query per table.
create sequence public.change_seq as bigint;

-- Size limits, in base64 characters. Small records (keyset, metadata, a vault key, a device
-- name) are a few hundred bytes once padded; 64 KiB leaves room for growth. An item is sealed
-- whole, notes and keys included: 16 MiB of base64 is 12 MiB of envelope.
create table public.accounts (
  user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  -- The 6-symbol id printed in the Secret Key: not secret, it is how prelogin finds the KDF record.
  account_id text not null unique constraint accounts_account_id_shape check (account_id ~ '^[0-9A-Z]{6}$'),
  -- {"v":1,"alg":…,"memlimitBytes":…,"opslimit":…,"salt":…}: public parameters, checked by the client.
  kdf jsonb not null constraint accounts_kdf_shape
    check (jsonb_typeof(kdf) = 'object' and octet_length(kdf::text) <= 1024),
  keyset_revision bigint not null constraint accounts_keyset_revision_positive check (keyset_revision >= 1),
  sealed_keyset text not null constraint accounts_sealed_keyset_base64 check (private.is_base64(sealed_keyset, 65536)),
  box_public_key text not null constraint accounts_box_public_key_base64 check (private.is_base64(box_public_key, 1024)),
  meta_revision bigint not null constraint accounts_meta_revision_positive check (meta_revision >= 1),
  sealed_meta text not null constraint accounts_sealed_meta_base64 check (private.is_base64(sealed_meta, 65536)),
  seq bigint not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, seq)
);

create table public.vaults (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  vault_id uuid not null,
  revision bigint not null constraint vaults_revision_positive check (revision >= 1),
  sealed_key text not null constraint vaults_sealed_key_base64 check (private.is_base64(sealed_key, 65536)),
  sealed_meta text not null constraint vaults_sealed_meta_base64 check (private.is_base64(sealed_meta, 65536)),
  seq bigint not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, vault_id),
  unique (user_id, seq)
);

-- The current revision of each item only; a deletion is a tombstone (deleted, sealed null) so
-- that other devices learn of it by pulling.
create table public.items (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  item_id uuid not null,
  vault_id uuid not null,
  revision bigint not null constraint items_revision_positive check (revision >= 1),
  sealed text constraint items_sealed_base64 check (private.is_base64(sealed, 16777216)),
  deleted boolean not null,
  seq bigint not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, item_id),
  unique (user_id, seq),
  constraint items_tombstone_has_no_sealed check (deleted = (sealed is null))
);

-- The devices that signed in, so a user can see them and revoke one. session_id is the auth
-- session that registered the device: revoking deletes that session and refuses its writes.
create table public.devices (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  device_id uuid not null,
  session_id uuid not null,
  -- The device name can name a person ("Alice's laptop"), so it is sealed like everything else.
  sealed_name text not null constraint devices_sealed_name_base64 check (private.is_base64(sealed_name, 65536)),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (user_id, device_id)
);
create index devices_user_session_idx on public.devices (user_id, session_id);

-- Reads: each user sees their own rows. `(select auth.uid())` is evaluated once per query,
-- not once per row.
alter table public.accounts enable row level security;
alter table public.vaults enable row level security;
alter table public.items enable row level security;
alter table public.devices enable row level security;

create policy accounts_select_own on public.accounts
  for select to authenticated using ((select auth.uid()) = user_id);
create policy vaults_select_own on public.vaults
  for select to authenticated using ((select auth.uid()) = user_id);
create policy items_select_own on public.items
  for select to authenticated using ((select auth.uid()) = user_id);
create policy devices_select_own on public.devices
  for select to authenticated using ((select auth.uid()) = user_id);

-- Writes: Supabase's default privileges grant the API roles everything on new objects in
-- public. Take it back, so a direct INSERT/UPDATE/DELETE fails with 42501 before RLS is even
-- consulted (and would still find no write policy if someone granted it again).
revoke all on public.accounts, public.vaults, public.items, public.devices from public, anon, authenticated;
grant select on public.accounts, public.vaults, public.items, public.devices to authenticated;
revoke all on sequence public.change_seq from public, anon, authenticated;

-- Realtime "pokes": clients pull on a change notification. Realtime applies the select
-- policies above per subscriber. Plain Postgres without Supabase's publication skips this.
do $$
declare
  table_name text;
begin
  if exists (select from pg_publication where pubname = 'supabase_realtime') then
    foreach table_name in array array['accounts', 'vaults', 'items', 'devices'] loop
      if not exists (
        select from pg_publication_tables
        where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = table_name
      ) then
        execute format('alter publication supabase_realtime add table public.%I', table_name);
      end if;
    end loop;
  end if;
end
$$;
