-- Changing the master password or the Secret Key (docs/sync.md, "Changing the secrets").
--
-- The client re-seals its keyset under keys derived from the new secrets, and the login secret it
-- signs in with (derived from the same secrets) changes with it. Both must change together: a
-- keyset without its login, or a login without its keyset, would lock a new device out. So
-- change_credentials does both in one transaction, and put_account no longer accepts a new keyset.

-- As in 20261122120100, except that an existing account's keyset part (sealed keyset, public
-- key, KDF record) can no longer change here: only the meta may advance. Returns the new seq.
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
    -- Re-sealing the keyset (a new master password or Secret Key) must change the login secret in
    -- the same transaction, so it goes through change_credentials only.
    if p_keyset_revision <> p_expected_keyset_revision then
      raise exception using errcode = 'PT400', message = 'the keyset changes only through change_credentials';
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

-- Replaces the caller's keyset record (KDF record, sealed keyset at the next revision, sealed meta)
-- and the password of the caller's auth user (the login secret, bcrypt as GoTrue stores it) in one
-- transaction, after checking the current login secret: a stolen access token alone cannot take
-- the account over. Errors: PT409 the stored revisions moved on; PT400 bad input or wrong
-- current login secret; PT403 the session has ended. Returns the row's new seq.
create or replace function public.change_credentials(
  p_kdf jsonb,
  p_keyset_revision bigint,
  p_sealed_keyset text,
  p_meta_revision bigint,
  p_sealed_meta text,
  p_expected_keyset_revision bigint,
  p_expected_meta_revision bigint,
  p_current_login_secret text,
  p_new_login_secret text
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
  select * into stored from public.accounts where user_id = caller;
  if stored.user_id is null
     or stored.keyset_revision is distinct from p_expected_keyset_revision
     or stored.meta_revision is distinct from p_expected_meta_revision then
    raise exception using errcode = 'PT409', message = 'revision conflict';
  end if;
  if p_keyset_revision is distinct from p_expected_keyset_revision + 1
     or p_meta_revision is null or p_meta_revision <= p_expected_meta_revision then
    raise exception using errcode = 'PT400', message = 'the keyset revision must advance by one and the meta revision must advance';
  end if;
  if p_new_login_secret is null or p_new_login_secret !~ '^[0-9a-f]{64}$' then
    raise exception using errcode = 'PT400', message = 'the new login secret must be 64 hex digits';
  end if;
  if p_current_login_secret is null or not exists (
    select from auth.users u
     where u.id = caller and u.encrypted_password = extensions.crypt(p_current_login_secret, u.encrypted_password)
  ) then
    raise exception using errcode = 'PT400', message = 'the current login secret is wrong';
  end if;

  begin
    update public.accounts
       set kdf = p_kdf, keyset_revision = p_keyset_revision, sealed_keyset = p_sealed_keyset,
           meta_revision = p_meta_revision, sealed_meta = p_sealed_meta,
           seq = nextval('public.change_seq'), updated_at = now()
     where user_id = caller
    returning seq into new_seq;
  exception
    when check_violation or not_null_violation then
      get stacked diagnostics failed_constraint = constraint_name, missing_column = column_name;
      perform private.raise_bad_input(failed_constraint, missing_column);
  end;
  -- Cost 10, as GoTrue hashes passwords; other sessions stay signed in (their devices ask for
  -- the new secrets at their next unlock).
  update auth.users
     set encrypted_password = extensions.crypt(p_new_login_secret, extensions.gen_salt('bf', 10)), updated_at = now()
   where id = caller;
  return new_seq;
end
$$;

revoke all on function
  public.change_credentials(jsonb, bigint, text, bigint, text, bigint, bigint, text, text)
  from public, anon, authenticated, service_role;
grant execute on function
  public.change_credentials(jsonb, bigint, text, bigint, text, bigint, bigint, text, text)
  to authenticated;
