-- The vault log (docs/security-design.md, malicious server, issue 7).
--
-- Until now each item row stood alone: a server could hold back an item's newest revision,
-- serve an older one it had kept (a rollback), or drop an item, and no device could tell,
-- because nothing the user wrote said which revisions belong together. Each vault now has a
-- authenticated history: a chain of entries, counter 1, 2, 3, … per vault, each an envelope the
-- client seals under the VaultKey, bound to its counter and listing the item revisions it
-- vouches for, chained to the entry before it (src-main/sync/vault-history.ts,
-- docs/security-design.md §4.11). Here an entry is an opaque base64 envelope, checked for shape
-- and size only, like every other sealed column.
--
-- What the server can and cannot do with it: it cannot make or change an entry (it has no
-- VaultKey), so a device that checks the chain refuses items no entry vouches for, and notices
-- a changed, dropped or reordered entry. It can still withhold the newest entries and their
-- items together from a device that has not seen them yet, or refuse to serve anything.
--
-- The defence itself is the client's check: a lying server writes its tables directly and is
-- not stopped by anything below. What this migration adds is that an honest server keeps every
-- vault's history complete and in step with the items:
--
-- 1. public.vault_log: one row per entry, primary key (user, vault, counter). Like the other
--    tables: the owner's rows are readable through RLS, nobody writes the table directly, and
--    each row takes a seq from public.change_seq.
-- 2. public.push_items: items of one vault and the entry that vouches for them, in ONE
--    transaction. The entry's counter must be exactly the one after the vault's newest
--    (PT409 'vault history moved on' when another device wrote first, PT400 when it skips
--    ahead); each item follows the rules of put_item (20261122140000_sealed_tombstones.sql),
--    and it is put_item that writes it. Any refusal aborts the whole push: no entry without its
--    items, no items without their entry. Clients since issue 7 write items only through
--    push_items; put_item keeps its grant for older clients and tests.

create table public.vault_log (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  vault_id uuid not null,
  counter bigint not null constraint vault_log_counter_positive check (counter >= 1),
  -- An entry lists item ids and revisions: a large vault's entry can be large, like an item.
  sealed text not null constraint vault_log_sealed_base64 check (private.is_base64(sealed, 16777216)),
  seq bigint not null,
  created_at timestamptz not null default now(),
  primary key (user_id, vault_id, counter),
  unique (user_id, seq)
);

alter table public.vault_log enable row level security;
create policy vault_log_select_own on public.vault_log
  for select to authenticated using ((select auth.uid()) = user_id);

-- As for the other tables: reads only, and no direct write (42501) even for the owner's rows.
revoke all on public.vault_log from public, anon, authenticated;
grant select on public.vault_log to authenticated;

do $$
begin
  if exists (select from pg_publication where pubname = 'supabase_realtime')
     and not exists (
       select from pg_publication_tables
       where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'vault_log'
     ) then
    alter publication supabase_realtime add table public.vault_log;
  end if;
end
$$;

-- Writes the entry p_log_counter of vault p_vault_id and then every item of p_items into that
-- vault, or nothing. p_items is a JSON array of at most 1000 objects
--   {"item_id": uuid, "expected_revision": integer | null, "revision": integer,
--    "sealed": base64 (the item, or for a deletion its tombstone marker), "deleted": boolean};
-- an empty array writes a history-only entry. Every element is checked for shape before
-- anything is written (PT400 naming the field, never the value). Returns the greatest seq the
-- push took: the entry's seq comes first, so that is the last item's seq, or the entry's when
-- there are no items.
create or replace function public.push_items(
  p_vault_id uuid,
  p_log_counter bigint,
  p_log_sealed text,
  p_items jsonb
) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  uuid_shape constant text := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
  -- A JSON number that is a whole number within bigint (jsonb prints 1e3 as 1000, 1.0 as 1.0).
  integer_shape constant text := '^-?[0-9]{1,18}$';
  element jsonb;
  newest bigint;
  new_seq bigint;
  failed_constraint text;
  missing_column text;
begin
  if jsonb_typeof(p_items) is distinct from 'array' then
    raise exception using errcode = 'PT400', message = 'p_items must be an array';
  end if;
  if jsonb_array_length(p_items) > 1000 then
    raise exception using errcode = 'PT400', message = 'too many items in one push';
  end if;
  for element in select value from jsonb_array_elements(p_items) loop
    if jsonb_typeof(element) is distinct from 'object' then
      raise exception using errcode = 'PT400', message = 'invalid input: each item must be an object';
    end if;
    if jsonb_typeof(element -> 'item_id') is distinct from 'string' or element ->> 'item_id' !~ uuid_shape then
      raise exception using errcode = 'PT400', message = 'invalid input: item_id must be a uuid';
    end if;
    if coalesce(jsonb_typeof(element -> 'expected_revision'), 'null') <> 'null'
       and (jsonb_typeof(element -> 'expected_revision') <> 'number'
            or element ->> 'expected_revision' !~ integer_shape) then
      raise exception using errcode = 'PT400', message = 'invalid input: expected_revision must be an integer or null';
    end if;
    if jsonb_typeof(element -> 'revision') is distinct from 'number' or element ->> 'revision' !~ integer_shape then
      raise exception using errcode = 'PT400', message = 'invalid input: revision must be an integer';
    end if;
    -- sealed null is left to put_item, which names the rule (a tombstone needs its marker).
    if coalesce(jsonb_typeof(element -> 'sealed'), 'null') not in ('null', 'string') then
      raise exception using errcode = 'PT400', message = 'invalid input: sealed must be base64 text';
    end if;
    if jsonb_typeof(element -> 'deleted') is distinct from 'boolean' then
      raise exception using errcode = 'PT400', message = 'invalid input: deleted must be true or false';
    end if;
  end loop;

  if p_vault_id is null then
    raise exception using errcode = 'PT400', message = 'invalid input: vault_id is required';
  end if;
  if p_log_counter is null or p_log_counter < 1 then
    raise exception using errcode = 'PT400', message = 'invalid input: vault_log_counter_positive';
  end if;
  -- Under begin_write's per-user lock: no other push of this user reads the same newest.
  select coalesce(max(counter), 0) into newest from public.vault_log where user_id = caller and vault_id = p_vault_id;
  if p_log_counter <= newest then
    raise exception using errcode = 'PT409', message = 'vault history moved on';
  end if;
  if p_log_counter > newest + 1 then
    raise exception using errcode = 'PT400', message = 'vault history counter skips ahead';
  end if;

  begin
    insert into public.vault_log (user_id, vault_id, counter, sealed, seq)
    values (caller, p_vault_id, p_log_counter, p_log_sealed, nextval('public.change_seq'))
    returning seq into new_seq;
  exception
    when check_violation or not_null_violation then
      get stacked diagnostics failed_constraint = constraint_name, missing_column = column_name;
      perform private.raise_bad_input(failed_constraint, missing_column);
  end;

  -- put_item takes the same per-user lock again (advisory locks are re-entrant) and checks the
  -- session again; its PT400 and PT409 abort this whole transaction.
  for element in select value from jsonb_array_elements(p_items) loop
    new_seq := public.put_item(
      (element ->> 'item_id')::uuid,
      p_vault_id,
      (element ->> 'expected_revision')::bigint,
      (element ->> 'revision')::bigint,
      element ->> 'sealed',
      (element ->> 'deleted')::boolean
    );
  end loop;
  return new_seq;
end
$$;

revoke all on function public.push_items(uuid, bigint, text, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.push_items(uuid, bigint, text, jsonb) to authenticated;
