-- Sync functions (docs/sync.md): the only way to write the sync tables.
--
-- Every write function is SECURITY DEFINER with an empty search_path: it runs as the tables'
-- owner, because the API roles have no write rights at all, and it filters every statement by
-- auth.uid() itself. Errors, as PostgREST reports them (error.code in supabase-js):
--   PT400  bad input (null, wrong shape or size, revision not increasing, …)   HTTP 400
--   PT403  the token's auth session is gone (device revoked, signed out) or absent  HTTP 403
--   PT404  touch/revoke of a device this user does not have                     HTTP 404
--   PT409  revision conflict: the stored revision is not the expected one       HTTP 409
-- Never 40001: PostgREST retries that SQLSTATE without end.

-- The auth session of this request (GoTrue puts session_id in every user token).
create or replace function private.request_session() returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  session_text text := auth.jwt() ->> 'session_id';
begin
  if session_text is null
     or session_text !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
    raise exception using errcode = 'PT403', message = 'the access token has no session';
  end if;
  return session_text::uuid;
end
$$;

-- Starts every write: returns the caller's user id after
--   1. taking a per-user transaction lock, so one user's writes commit in the order they take
--      their seq: a pull that has seen seq N can never later miss a row with a smaller seq
--      (without it, a slow transaction could commit seq 10 after a reader had seen seq 11);
--   2. refusing a token whose auth session no longer exists. revoke_device deletes the session
--      (so does signing out), and an access token stays valid until it expires: this is what
--      stops it writing in the meantime. Checked after the lock, so a write racing
--      revoke_device either commits first or sees the revocation.
create or replace function private.begin_write() returns uuid
language plpgsql volatile
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  session uuid := private.request_session();
begin
  if caller is null then
    raise exception using errcode = '42501', message = 'not signed in';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('vault-sync-user:' || caller::text, 0));
  if not exists (select from auth.sessions s where s.id = session and s.user_id = caller) then
    if exists (select from public.devices d where d.user_id = caller and d.session_id = session and d.revoked_at is not null) then
      raise exception using errcode = 'PT403', message = 'this device has been revoked';
    end if;
    raise exception using errcode = 'PT403', message = 'this session has ended';
  end if;
  return caller;
end
$$;

-- A new revision must be greater than the one it replaces (a create has no expected revision).
create or replace function private.check_revision(expected bigint, proposed bigint) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if proposed is null then
    raise exception using errcode = 'PT400', message = 'revision is required';
  end if;
  if expected is not null and proposed <= expected then
    raise exception using errcode = 'PT400', message = 'revision must be greater than the expected revision';
  end if;
end
$$;

-- Turns a table constraint's refusal into PT400, naming the constraint or the missing column
-- (never the value).
create or replace function private.raise_bad_input(failed_constraint text, missing_column text) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  raise exception using errcode = 'PT400', message = 'invalid input: '
    || coalesce(nullif(failed_constraint, ''), nullif(missing_column, '') || ' is required', 'a value is missing');
end
$$;

revoke all on function private.request_session(), private.begin_write(),
  private.check_revision(bigint, bigint), private.raise_bad_input(text, text) from public;

-- Before login a new machine needs the account's KDF salt and cost to derive the login secret;
-- the Secret Key it was typed with carries the account id. Null when there is no such account.
create or replace function public.prelogin(p_account_id text) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select a.kdf from public.accounts a where a.account_id = p_account_id
$$;

-- Creates the caller's account row (both expected revisions null) or replaces it when both
-- expected revisions are the stored ones. The keyset part (sealed keyset, public key, KDF
-- record) and the meta part each either advance their revision or stay byte-identical; at
-- least one must advance. Returns the row's new seq.
create or replace function public.put_account(
  p_account_id text,
  p_kdf jsonb,
  p_keyset_revision bigint,
  p_sealed_keyset text,
  p_box_public_key text,
  p_meta_revision bigint,
  p_sealed_meta text,
  p_expected_keyset_revision bigint,
  p_expected_meta_revision bigint
) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  stored public.accounts;
  new_seq bigint;
  failed_constraint text;
  missing_column text;
begin
  if (p_expected_keyset_revision is null) <> (p_expected_meta_revision is null) then
    raise exception using errcode = 'PT400', message = 'expected revisions must be both null (create) or both set';
  end if;
  select * into stored from public.accounts where user_id = caller;

  begin
    if p_expected_keyset_revision is null then
      perform private.check_revision(null, p_keyset_revision);
      perform private.check_revision(null, p_meta_revision);
      if stored.user_id is not null then
        raise exception using errcode = 'PT409', message = 'revision conflict', detail = 'the account already exists';
      end if;
      insert into public.accounts (user_id, account_id, kdf, keyset_revision, sealed_keyset, box_public_key,
                                   meta_revision, sealed_meta, seq)
      values (caller, p_account_id, p_kdf, p_keyset_revision, p_sealed_keyset, p_box_public_key,
              p_meta_revision, p_sealed_meta, nextval('public.change_seq'))
      returning seq into new_seq;
      return new_seq;
    end if;

    if stored.user_id is null
       or stored.keyset_revision <> p_expected_keyset_revision
       or stored.meta_revision <> p_expected_meta_revision then
      raise exception using errcode = 'PT409', message = 'revision conflict';
    end if;
    if p_account_id is distinct from stored.account_id then
      raise exception using errcode = 'PT400', message = 'the account id cannot change';
    end if;
    if p_keyset_revision is null or p_meta_revision is null
       or p_keyset_revision < p_expected_keyset_revision or p_meta_revision < p_expected_meta_revision
       or (p_keyset_revision = p_expected_keyset_revision and p_meta_revision = p_expected_meta_revision) then
      raise exception using errcode = 'PT400', message = 'a revision must advance and none may go back';
    end if;
    if p_keyset_revision = p_expected_keyset_revision
       and (p_sealed_keyset, p_box_public_key, p_kdf) is distinct from (stored.sealed_keyset, stored.box_public_key, stored.kdf) then
      raise exception using errcode = 'PT400', message = 'the keyset changed without a new keyset revision';
    end if;
    if p_meta_revision = p_expected_meta_revision and p_sealed_meta is distinct from stored.sealed_meta then
      raise exception using errcode = 'PT400', message = 'the meta changed without a new meta revision';
    end if;

    update public.accounts
       set kdf = p_kdf, keyset_revision = p_keyset_revision, sealed_keyset = p_sealed_keyset,
           box_public_key = p_box_public_key, meta_revision = p_meta_revision, sealed_meta = p_sealed_meta,
           seq = nextval('public.change_seq'), updated_at = now()
     where user_id = caller
    returning seq into new_seq;
    return new_seq;
  exception
    when check_violation or not_null_violation then
      get stacked diagnostics failed_constraint = constraint_name, missing_column = column_name;
      perform private.raise_bad_input(failed_constraint, missing_column);
    when unique_violation then
      -- Only account_id can collide: another user holds it (1 in ~887 million per new account).
      raise exception using errcode = '23505', message = 'account id already taken';
  end;
end
$$;

-- Creates a vault (p_expected_revision null) or replaces it at p_expected_revision.
create or replace function public.put_vault(
  p_vault_id uuid,
  p_expected_revision bigint,
  p_revision bigint,
  p_sealed_key text,
  p_sealed_meta text
) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  stored_revision bigint;
  new_seq bigint;
  failed_constraint text;
  missing_column text;
begin
  perform private.check_revision(p_expected_revision, p_revision);
  select revision into stored_revision from public.vaults where user_id = caller and vault_id = p_vault_id;
  if stored_revision is distinct from p_expected_revision then
    raise exception using errcode = 'PT409', message = 'revision conflict';
  end if;
  begin
    if p_expected_revision is null then
      insert into public.vaults (user_id, vault_id, revision, sealed_key, sealed_meta, seq)
      values (caller, p_vault_id, p_revision, p_sealed_key, p_sealed_meta, nextval('public.change_seq'))
      returning seq into new_seq;
    else
      update public.vaults
         set revision = p_revision, sealed_key = p_sealed_key, sealed_meta = p_sealed_meta,
             seq = nextval('public.change_seq'), updated_at = now()
       where user_id = caller and vault_id = p_vault_id
      returning seq into new_seq;
    end if;
  exception
    when check_violation or not_null_violation then
      get stacked diagnostics failed_constraint = constraint_name, missing_column = column_name;
      perform private.raise_bad_input(failed_constraint, missing_column);
  end;
  return new_seq;
end
$$;

-- Creates or replaces an item, the same way. A deletion is p_deleted with p_sealed null (a
-- tombstone); a live item has p_sealed and not p_deleted. An item may move between vaults.
create or replace function public.put_item(
  p_item_id uuid,
  p_vault_id uuid,
  p_expected_revision bigint,
  p_revision bigint,
  p_sealed text,
  p_deleted boolean
) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  stored_revision bigint;
  new_seq bigint;
  failed_constraint text;
  missing_column text;
begin
  perform private.check_revision(p_expected_revision, p_revision);
  select revision into stored_revision from public.items where user_id = caller and item_id = p_item_id;
  if stored_revision is distinct from p_expected_revision then
    raise exception using errcode = 'PT409', message = 'revision conflict';
  end if;
  begin
    if p_expected_revision is null then
      insert into public.items (user_id, item_id, vault_id, revision, sealed, deleted, seq)
      values (caller, p_item_id, p_vault_id, p_revision, p_sealed, p_deleted, nextval('public.change_seq'))
      returning seq into new_seq;
    else
      update public.items
         set vault_id = p_vault_id, revision = p_revision, sealed = p_sealed, deleted = p_deleted,
             seq = nextval('public.change_seq'), updated_at = now()
       where user_id = caller and item_id = p_item_id
      returning seq into new_seq;
    end if;
  exception
    when check_violation or not_null_violation then
      get stacked diagnostics failed_constraint = constraint_name, missing_column = column_name;
      perform private.raise_bad_input(failed_constraint, missing_column);
  end;
  return new_seq;
end
$$;

-- Supabase grants EXECUTE on every new public function to anon, authenticated and service_role
-- (and Postgres to PUBLIC): take that back and grant exactly what each caller needs.
revoke all on function public.prelogin(text),
  public.put_account(text, jsonb, bigint, text, text, bigint, text, bigint, bigint),
  public.put_vault(uuid, bigint, bigint, text, text),
  public.put_item(uuid, uuid, bigint, bigint, text, boolean)
  from public, anon, authenticated, service_role;
grant execute on function public.prelogin(text) to anon, authenticated;
grant execute on function
  public.put_account(text, jsonb, bigint, text, text, bigint, text, bigint, bigint),
  public.put_vault(uuid, bigint, bigint, text, text),
  public.put_item(uuid, uuid, bigint, bigint, text, boolean)
  to authenticated;
