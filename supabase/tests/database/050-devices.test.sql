-- register_device, touch_device, revoke_device, and what a revoked session can still do:
-- nothing that writes (PT403), while the user's other sessions carry on. Every write needs the
-- token's auth session to exist, which is how revoking (and signing out) takes effect at once.
begin;
select plan(36);

select tests.create_user('a@example.org') as a, tests.create_user('b@example.org') as b \gset
-- A signs in on a laptop (session 1) and a desktop (session 2); B on a phone.
select tests.create_session(:'a') as s1, tests.create_session(:'a') as s2, tests.create_session(:'b') as sb \gset
\set laptop '''a0000000-0000-4000-8000-00000000000d'''
\set desktop '''a0000000-0000-4000-8000-00000000000e'''

select tests.authenticate_as(:'a', :'s1');
select lives_ok(format('select public.register_device(%L, %L)', :laptop, tests.sealed('laptop')), 'the laptop registers');
select tests.clear_authentication();
select results_eq(format('select session_id, sealed_name, revoked_at from public.devices where device_id = %L', :laptop),
  format($$values (%L::uuid, %L, null::timestamptz)$$, :'s1', tests.sealed('laptop')),
  'the device row holds the session that registered it and the sealed name');

-- Registering again refreshes the name and last_seen_at, keeps created_at.
update public.devices set created_at = now() - interval '2 days', last_seen_at = now() - interval '1 day';
select tests.authenticate_as(:'a', :'s1');
select lives_ok(format('select public.register_device(%L, %L)', :laptop, tests.sealed('laptop 2')), 'the laptop registers again');
select tests.clear_authentication();
select results_eq(
  format('select sealed_name, created_at < now(), last_seen_at = now() from public.devices where device_id = %L', :laptop),
  format($$values (%L, true, true)$$, tests.sealed('laptop 2')), 'registering again renames and refreshes, same device');

select tests.authenticate_as(:'a', :'s2');
select lives_ok(format('select public.register_device(%L, %L)', :desktop, tests.sealed('desktop')), 'the desktop registers');

-- touch_device.
select tests.clear_authentication();
update public.devices set last_seen_at = now() - interval '1 day';
select tests.authenticate_as(:'a', :'s2');
select lives_ok(format('select public.touch_device(%L)', :desktop), 'touch_device');
select tests.clear_authentication();
select results_eq(format('select last_seen_at = now() from public.devices where device_id = %L', :desktop), array[true],
  'touch_device sets last_seen_at');
select tests.authenticate_as(:'a', :'s2');
select throws_ok($$select public.touch_device(gen_random_uuid())$$, 'PT404', 'no such device', 'touching an unknown device');

-- B cannot revoke, or even touch, A's device: to B it does not exist.
select tests.authenticate_as(:'b', :'sb');
select throws_ok(format('select public.revoke_device(%L)', :laptop), 'PT404', 'no such device', 'B cannot revoke A''s device');
select throws_ok(format('select public.touch_device(%L)', :laptop), 'PT404', 'no such device', 'B cannot touch A''s device');
select tests.clear_authentication();
select results_eq(format('select revoked_at is null from public.devices where device_id = %L', :laptop), array[true],
  'A''s laptop is still active');
select results_eq(format('select count(*)::int from auth.sessions where id = %L', :'s1'), array[1],
  'A''s laptop session still exists');

-- A revokes the laptop from the desktop.
select tests.authenticate_as(:'a', :'s2');
select lives_ok(format('select public.revoke_device(%L)', :laptop), 'A revokes the laptop');
select tests.clear_authentication();
select results_eq(format('select revoked_at = now() from public.devices where device_id = %L', :laptop), array[true],
  'the laptop is marked revoked');
select results_eq(format('select count(*)::int from auth.sessions where id = %L', :'s1'), array[0],
  'the laptop''s auth session is deleted, so it cannot refresh');
select results_eq(format('select count(*)::int from auth.refresh_tokens where session_id = %L', :'s1'), array[0],
  'and its refresh tokens with it');
select results_eq(format('select count(*)::int from auth.sessions where id = %L', :'s2'), array[1],
  'the desktop session is untouched');

-- The laptop's access token is still unexpired: every write with it fails.
select tests.authenticate_as(:'a', :'s1');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AAAA')$$,
  'PT403', 'this device has been revoked', 'a revoked session cannot put a vault');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, 'AAAA', false)$$,
  'PT403', 'this device has been revoked', 'a revoked session cannot put an item');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 1, 'AAAA', 'AAAA', 1, 'AAAA', null, null)$$,
  'PT403', 'this device has been revoked', 'a revoked session cannot put the account');
select throws_ok($$select public.register_device(gen_random_uuid(), 'AAAA')$$,
  'PT403', 'this device has been revoked', 'a revoked session cannot register another device');
select throws_ok(format('select public.touch_device(%L)', :laptop),
  'PT403', 'this device has been revoked', 'a revoked session cannot touch');
select throws_ok(format('select public.revoke_device(%L)', :desktop),
  'PT403', 'this device has been revoked', 'a revoked session cannot revoke the others');

-- The other session carries on.
select tests.authenticate_as(:'a', :'s2');
select lives_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AAAA')$$, 'the desktop still writes');
select throws_ok(format('select public.touch_device(%L)', :laptop),
  'PT403', 'this device has been revoked', 'a revoked device cannot be touched');
select tests.clear_authentication();
update public.devices set revoked_at = now() - interval '1 hour' where device_id = :laptop;
select tests.authenticate_as(:'a', :'s2');
select lives_ok(format('select public.revoke_device(%L)', :laptop), 'revoking twice is harmless');
select tests.clear_authentication();
select results_eq(format('select revoked_at < now() from public.devices where device_id = %L', :laptop), array[true],
  'revoking twice keeps the first time');

-- The laptop's owner signs in again (password and Secret Key): a new session re-registers the
-- same device id and the device is active again; the revoked session stays refused.
select tests.create_session(:'a') as s3 \gset
select tests.authenticate_as(:'a', :'s3');
select lives_ok(format('select public.register_device(%L, %L)', :laptop, tests.sealed('laptop')),
  'a new session re-registers the revoked device id');
select tests.clear_authentication();
select results_eq(format('select session_id, revoked_at from public.devices where device_id = %L', :laptop),
  format($$values (%L::uuid, null::timestamptz)$$, :'s3'), 'the device is active again, with its new session');
select tests.authenticate_as(:'a', :'s1');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AAAA')$$,
  'PT403', 'this session has ended', 'the revoked session is still refused');

-- Signing out (GoTrue deletes the session) ends writing with that token too.
select tests.clear_authentication();
delete from auth.sessions where id = :'s2';
select tests.authenticate_as(:'a', :'s2');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AAAA')$$,
  'PT403', 'this session has ended', 'a signed-out session cannot write');
select tests.authenticate_as(:'a', :'s3');

-- Tokens without a session, bad input, anon.
select tests.authenticate_as(:'a', null);
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AAAA')$$,
  'PT403', 'the access token has no session', 'a token without session_id cannot write');
select tests.authenticate_as(:'b', :'s3');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AAAA')$$,
  'PT403', 'this session has ended', 'a token naming another user''s session cannot write');
select tests.authenticate_as(:'a', :'s3');
select throws_ok($$select public.register_device(gen_random_uuid(), 'not base64')$$,
  'PT400', 'invalid input: devices_sealed_name_base64', 'the device name is sealed');
select throws_ok($$select public.register_device(null, 'AAAA')$$,
  'PT400', 'invalid input: device_id is required', 'the device id is required');
select tests.authenticate_as_anon();
select throws_ok($$select public.register_device(gen_random_uuid(), 'AAAA')$$, '42501', null, 'anon cannot register');
select tests.clear_authentication();

select * from finish();
rollback;
