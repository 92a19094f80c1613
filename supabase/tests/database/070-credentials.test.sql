-- change_credentials: the keyset record and the auth user's password (the login secret) change
-- together or not at all, only for the caller, only with the current login secret; and
-- put_account no longer lets an existing account's keyset change.
-- Login secrets (64 lowercase hex digits): A starts with repeat('1a', 32), B with repeat('3c', 32).
begin;
select plan(51);

select tests.create_user('a@example.org') as a, tests.create_user('b@example.org') as b \gset
select tests.create_session(:'a') as a_session, tests.create_session(:'a') as a_ended,
       tests.create_session(:'b') as b_session \gset
-- The passwords as GoTrue would have stored them at sign-up (a low cost: only the format matters).
update auth.users set encrypted_password = extensions.crypt(repeat('1a', 32), extensions.gen_salt('bf', 4)) where id = :'a';
update auth.users set encrypted_password = extensions.crypt(repeat('3c', 32), extensions.gen_salt('bf', 4)) where id = :'b';

-- The function's shape and rights.
select has_function('public', 'change_credentials',
  array['jsonb', 'bigint', 'text', 'bigint', 'text', 'bigint', 'bigint', 'text', 'text'], 'change_credentials exists');
select results_eq(
  $$select p.prosecdef, p.proconfig collate "default" from pg_proc p
     where p.oid = 'public.change_credentials(jsonb, bigint, text, bigint, text, bigint, bigint, text, text)'::regprocedure$$,
  $$values (true, array['search_path=""'])$$,
  'change_credentials is security definer with an empty search_path'
);
select function_privs_are('public', 'change_credentials',
  array['jsonb', 'bigint', 'text', 'bigint', 'text', 'bigint', 'bigint', 'text', 'text'], 'authenticated', array['EXECUTE'],
  'authenticated may call change_credentials');
select function_privs_are('public', 'change_credentials',
  array['jsonb', 'bigint', 'text', 'bigint', 'text', 'bigint', 'bigint', 'text', 'text'], 'anon', array[]::text[],
  'anon may not call change_credentials');
select function_privs_are('public', 'change_credentials',
  array['jsonb', 'bigint', 'text', 'bigint', 'text', 'bigint', 'bigint', 'text', 'text'], 'service_role', array[]::text[],
  'service_role may not call change_credentials');
select ok(not has_function_privilege('public',
            'public.change_credentials(jsonb, bigint, text, bigint, text, bigint, bigint, text, text)', 'execute'),
  'PUBLIC may not call change_credentials');

-- A's account: keyset 1, meta 1.
select tests.authenticate_as(:'a', :'a_session');
select lives_ok($$select public.put_account('AAAAAA', tests.kdf(), 1, tests.sealed('keyset 1'), tests.sealed('pk 1'),
                                            1, tests.sealed('meta 1'), null, null)$$, 'A creates the account');
select tests.clear_authentication();
select seq as seq_before from public.accounts where user_id = :'a' \gset

-- The happy path: keyset 1 -> 2, meta 1 -> 2, login secret 1a… -> 2b….
select tests.authenticate_as(:'a', :'a_session');
select cmp_ok(public.change_credentials(tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2, tests.sealed('keyset 2'),
                                        2, tests.sealed('meta 2'), 1, 1, repeat('1a', 32), repeat('2b', 32)),
  '>', :seq_before::bigint, 'change_credentials returns a new, greater seq');
select tests.clear_authentication();
select results_eq(
  format($$select account_id, kdf, keyset_revision, sealed_keyset, box_public_key, meta_revision, sealed_meta,
                  seq = currval('public.change_seq') from public.accounts where user_id = %L$$, :'a'),
  $$values ('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2::bigint, tests.sealed('keyset 2'), tests.sealed('pk 1'),
            2::bigint, tests.sealed('meta 2'), true)$$,
  'the row holds the new KDF record, keyset (revision + 1) and meta, the same public key, and the seq just drawn'
);
select ok((select encrypted_password = extensions.crypt(repeat('2b', 32), encrypted_password) from auth.users where id = :'a'),
  'the password is now the new login secret');
select ok((select encrypted_password <> extensions.crypt(repeat('1a', 32), encrypted_password) from auth.users where id = :'a'),
  'the old login secret no longer matches');
select is((select left(encrypted_password, 7) || length(encrypted_password) from auth.users where id = :'a'), '$2a$10$60',
  'the new password is bcrypt at cost 10, as GoTrue hashes');
select tests.authenticate_as_anon();
select is(public.prelogin('AAAAAA'), tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 'prelogin returns the new KDF record');
select tests.clear_authentication();
select seq as seq_changed from public.accounts where user_id = :'a' \gset

-- Refusals (stored: keyset 2, meta 2, login secret 2b…). None of them may change anything.
select tests.authenticate_as(:'a', :'a_session');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    1, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT409', 'revision conflict', 'a stale expected keyset revision is a conflict');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 1, repeat('2b', 32), repeat('4d', 32))$$,
  'PT409', 'revision conflict', 'a stale expected meta revision is a conflict');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    null, null, repeat('2b', 32), repeat('4d', 32))$$,
  'PT409', 'revision conflict', 'no expected revisions is a conflict (there is no create)');
select throws_ok($$select public.change_credentials(tests.kdf(), 4, tests.sealed('keyset 4'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'the keyset revision must advance by one and the meta revision must advance',
  'the keyset revision cannot skip one');
select throws_ok($$select public.change_credentials(tests.kdf(), 2, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'the keyset revision must advance by one and the meta revision must advance',
  'the keyset revision must advance');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 2, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'the keyset revision must advance by one and the meta revision must advance',
  'the meta revision must advance');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), null, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'the keyset revision must advance by one and the meta revision must advance',
  'the meta revision is required');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4D', 32))$$,
  'PT400', 'the new login secret must be 64 hex digits', 'the new login secret is lowercase hex');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32) || '4')$$,
  'PT400', 'the new login secret must be 64 hex digits', 'the new login secret is exactly 64 digits');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), null)$$,
  'PT400', 'the new login secret must be 64 hex digits', 'the new login secret is required');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('1a', 32), repeat('4d', 32))$$,
  'PT400', 'the current login secret is wrong', 'the old login secret is no longer the current one');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, null, repeat('4d', 32))$$,
  'PT400', 'the current login secret is wrong', 'the current login secret is required');
-- Atomicity: the account update fails after the current secret was accepted.
select throws_ok($$select public.change_credentials(tests.kdf(), 3, 'not base64!', 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'invalid input: accounts_sealed_keyset_base64', 'a sealed keyset that is not base64 is refused');
select throws_ok($$select public.change_credentials('[1,2]', 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'invalid input: accounts_kdf_shape', 'a KDF record that is not an object is refused');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, null,
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'invalid input: sealed_meta is required', 'the sealed meta is required');
select tests.clear_authentication();
select ok((select encrypted_password = extensions.crypt(repeat('2b', 32), encrypted_password) from auth.users where id = :'a'),
  'after every refusal the password is still the login secret 2b…');
select ok((select encrypted_password <> extensions.crypt(repeat('4d', 32), encrypted_password) from auth.users where id = :'a'),
  'and the refused new login secret does not match');
select results_eq(
  format($$select kdf, keyset_revision, sealed_keyset, meta_revision, sealed_meta, seq = %s
             from public.accounts where user_id = %L$$, :seq_changed, :'a'),
  $$values (tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2::bigint, tests.sealed('keyset 2'), 2::bigint, tests.sealed('meta 2'), true)$$,
  'after every refusal the row is unchanged, seq included'
);

-- Atomicity the other way: the password update fails after the account row was updated.
create function tests.refuse_password_change() returns trigger
language plpgsql
as $$
begin
  raise exception using errcode = 'XX000', message = 'simulated failure of the password update';
end
$$;
create trigger refuse_password_change before update on auth.users
  for each row execute function tests.refuse_password_change();
select tests.authenticate_as(:'a', :'a_session');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'XX000', 'simulated failure of the password update', 'a failing password update fails the call');
select tests.clear_authentication();
drop trigger refuse_password_change on auth.users;
drop function tests.refuse_password_change();
select results_eq(format('select keyset_revision, meta_revision from public.accounts where user_id = %L', :'a'),
  $$values (2::bigint, 2::bigint)$$, 'when the password update fails, the keyset record is not replaced either');

-- Sessions that have ended, tokens without a session, anon.
delete from auth.sessions where id = :'a_ended';
select tests.authenticate_as(:'a', :'a_ended');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT403', 'this session has ended', 'a signed-out session cannot change the credentials');
select tests.authenticate_as(:'a', null);
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT403', 'the access token has no session', 'a token without session_id cannot change the credentials');
select tests.authenticate_as_anon();
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  '42501', null, 'anon cannot change the credentials');
select tests.clear_authentication();
select ok((select encrypted_password = extensions.crypt(repeat('2b', 32), encrypted_password)
             and (select keyset_revision = 2 and meta_revision = 2 from public.accounts where user_id = :'a')
             from auth.users where id = :'a'),
  'neither the ended session, the sessionless token nor anon changed anything');

-- Another user only ever reaches their own row and their own password.
select tests.authenticate_as(:'b', :'b_session');
select throws_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 3, tests.sealed('meta 3'),
                                                    2, 2, repeat('2b', 32), repeat('4d', 32))$$,
  'PT409', 'revision conflict', 'B, without an account, cannot change A''s, even with A''s revisions and secret');
select lives_ok($$select public.put_account('BBBBBB', tests.kdf(), 1, tests.sealed('b keyset 1'), tests.sealed('b pk 1'),
                                            1, tests.sealed('b meta 1'), null, null)$$, 'B creates an account');
select throws_ok($$select public.change_credentials(tests.kdf(), 2, tests.sealed('b keyset 2'), 2, tests.sealed('b meta 2'),
                                                    1, 1, repeat('2b', 32), repeat('4d', 32))$$,
  'PT400', 'the current login secret is wrong', 'A''s login secret is not B''s');
select lives_ok($$select public.change_credentials(tests.kdf(), 2, tests.sealed('b keyset 2'), 2, tests.sealed('b meta 2'),
                                                   1, 1, repeat('3c', 32), repeat('4d', 32))$$,
  'B changes B''s own credentials');
select tests.clear_authentication();
select results_eq(
  $$select account_id, keyset_revision, sealed_keyset, meta_revision, sealed_meta from public.accounts order by account_id$$,
  $$values ('AAAAAA', 2::bigint, tests.sealed('keyset 2'), 2::bigint, tests.sealed('meta 2')),
           ('BBBBBB', 2::bigint, tests.sealed('b keyset 2'), 2::bigint, tests.sealed('b meta 2'))$$,
  'B''s change replaced B''s row only'
);
select results_eq(
  $$select email::text, encrypted_password = extensions.crypt(repeat('2b', 32), encrypted_password),
           encrypted_password = extensions.crypt(repeat('4d', 32), encrypted_password)
      from auth.users order by email$$,
  $$values ('a@example.org', true, false), ('b@example.org', false, true)$$,
  'B''s change replaced B''s password only'
);

-- put_account (A, stored: keyset 2, meta 2): the keyset no longer changes there; the meta still does.
select tests.authenticate_as(:'a', :'a_session');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 3, tests.sealed('keyset 3'),
                                             tests.sealed('pk 1'), 2, tests.sealed('meta 2'), 2, 2)$$,
  'PT400', 'the keyset changes only through change_credentials', 'put_account cannot advance the keyset');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 3, tests.sealed('keyset 3'),
                                             tests.sealed('pk 1'), 3, tests.sealed('meta 3'), 2, 2)$$,
  'PT400', 'the keyset changes only through change_credentials', 'nor advance the keyset along with the meta');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 3, tests.sealed('keyset 2'),
                                             tests.sealed('pk 1'), 3, tests.sealed('meta 3'), 2, 2)$$,
  'PT400', 'the keyset changes only through change_credentials', 'nor advance the keyset revision alone');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 2, tests.sealed('keyset 2'),
                                             tests.sealed('pk 1'), 3, tests.sealed('meta 3'), 2, 2)$$,
  'PT400', 'the keyset changed without a new keyset revision', 'nor change the keyset part at the same revision');
select cmp_ok(public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2, tests.sealed('keyset 2'),
                                 tests.sealed('pk 1'), 3, tests.sealed('meta 3'), 2, 2),
  '>', :seq_before::bigint, 'put_account still advances the meta alone');
select tests.clear_authentication();
select results_eq(
  format($$select keyset_revision, sealed_keyset, meta_revision, sealed_meta, seq = currval('public.change_seq')
             from public.accounts where user_id = %L$$, :'a'),
  $$values (2::bigint, tests.sealed('keyset 2'), 3::bigint, tests.sealed('meta 3'), true)$$,
  'the meta advanced, the keyset did not'
);

-- A second change after that: the meta revision may advance by more than one.
select tests.authenticate_as(:'a', :'a_session');
select lives_ok($$select public.change_credentials(tests.kdf(), 3, tests.sealed('keyset 3'), 5, tests.sealed('meta 5'),
                                                   2, 3, repeat('2b', 32), repeat('4d', 32))$$,
  'a second change, at the revisions put_account left');
select tests.clear_authentication();
select results_eq(
  format($$select kdf, keyset_revision, sealed_keyset, meta_revision, sealed_meta,
                  (select encrypted_password = extensions.crypt(repeat('4d', 32), encrypted_password)
                     from auth.users where id = %L)
             from public.accounts where user_id = %L$$, :'a', :'a'),
  $$values (tests.kdf(), 3::bigint, tests.sealed('keyset 3'), 5::bigint, tests.sealed('meta 5'), true)$$,
  'the second change replaced the keyset record and the password again'
);

select * from finish();
rollback;
