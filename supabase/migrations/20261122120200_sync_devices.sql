-- Device functions (docs/sync.md): each signed-in machine registers itself with the auth
-- session it signed in with, so the user can list their devices and revoke one. Revoking
-- deletes that auth session: its refresh token stops working, and every later write made with
-- an access token of that session fails with PT403 (private.begin_write), so a token that is
-- still unexpired gets nowhere either. Signing in again on that machine (which needs the
-- master password and the Secret Key) makes a new session, which may register the same device
-- id again: that reactivates it.
-- Same conventions as the previous migration: security definer, empty search_path, every
-- statement filtered by the caller's id.

-- Inserts the caller's device, or refreshes its session, sealed name and last_seen_at (and
-- reactivates it if it had been revoked: the caller's session is live, begin_write checked).
create or replace function public.register_device(p_device_id uuid, p_sealed_name text) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  session uuid := private.request_session();
  failed_constraint text;
  missing_column text;
begin
  begin
    insert into public.devices (user_id, device_id, session_id, sealed_name)
    values (caller, p_device_id, session, p_sealed_name)
    on conflict (user_id, device_id) do update
      set session_id = excluded.session_id, sealed_name = excluded.sealed_name, last_seen_at = now(),
          revoked_at = null;
  exception
    when check_violation or not_null_violation then
      get stacked diagnostics failed_constraint = constraint_name, missing_column = column_name;
      perform private.raise_bad_input(failed_constraint, missing_column);
  end;
end
$$;

create or replace function public.touch_device(p_device_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  revoked timestamptz;
begin
  update public.devices set last_seen_at = now()
   where user_id = caller and device_id = p_device_id and revoked_at is null;
  if found then
    return;
  end if;
  select revoked_at into revoked from public.devices where user_id = caller and device_id = p_device_id;
  if revoked is not null then
    raise exception using errcode = 'PT403', message = 'this device has been revoked';
  end if;
  raise exception using errcode = 'PT404', message = 'no such device';
end
$$;

-- Only the caller's own devices: another user's device id is simply not found (PT404), which
-- also tells the caller nothing about whether it exists. Revoking twice keeps the first time.
create or replace function public.revoke_device(p_device_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  caller uuid := private.begin_write();
  device_session uuid;
begin
  update public.devices set revoked_at = coalesce(revoked_at, now())
   where user_id = caller and device_id = p_device_id
  returning session_id into device_session;
  if not found then
    raise exception using errcode = 'PT404', message = 'no such device';
  end if;
  -- GoTrue's refresh tokens reference their session with on delete cascade.
  delete from auth.sessions where id = device_session and user_id = caller;
end
$$;

revoke all on function public.register_device(uuid, text), public.touch_device(uuid), public.revoke_device(uuid)
  from public, anon, authenticated, service_role;
grant execute on function public.register_device(uuid, text), public.touch_device(uuid), public.revoke_device(uuid)
  to authenticated;
