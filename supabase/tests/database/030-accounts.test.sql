-- put_account and prelogin: create, replace at the expected revisions, conflicts, bad input.
begin;
select plan(31);

select tests.create_user('a@example.org') as a, tests.create_user('b@example.org') as b \gset
select tests.create_session(:'a') as a_session, tests.create_session(:'b') as b_session \gset

-- prelogin before the account exists: null for anyone.
select tests.authenticate_as_anon();
select is(public.prelogin('AAAAAA'), null, 'prelogin: null before the account exists');

select tests.authenticate_as(:'a', :'a_session');
select cmp_ok(public.put_account('AAAAAA', tests.kdf(), 1, tests.sealed('keyset 1'), tests.sealed('pk 1'),
                                 1, tests.sealed('meta 1'), null, null), '>', 0::bigint,
  'put_account creates the account and returns its seq');
select tests.clear_authentication();
select results_eq(
  $$select account_id, kdf, keyset_revision, sealed_keyset, box_public_key, meta_revision, sealed_meta,
           seq = currval('public.change_seq') from public.accounts$$,
  $$values ('AAAAAA', tests.kdf(), 1::bigint, tests.sealed('keyset 1'), tests.sealed('pk 1'), 1::bigint,
            tests.sealed('meta 1'), true)$$,
  'the account row holds what was put, and the seq just drawn'
);

select tests.authenticate_as_anon();
select is(public.prelogin('AAAAAA'), tests.kdf(), 'prelogin (anon): the KDF record of the account');
select is(public.prelogin('ZZZZZZ'), null, 'prelogin: null for an unknown account id');
select is(public.prelogin('not an id'), null, 'prelogin: null for a malformed account id');
select tests.authenticate_as(:'b', :'b_session');
select is(public.prelogin('AAAAAA'), tests.kdf(), 'prelogin works when signed in too');

select tests.authenticate_as(:'a', :'a_session');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 1, 'AAAA', 'AAAA', 1, 'AAAA', null, null)$$,
  'PT409', 'revision conflict', 'creating an account that exists is a conflict');

-- Replace: the meta part advances, the keyset part stays identical.
select lives_ok($$select public.put_account('AAAAAA', tests.kdf(), 1, tests.sealed('keyset 1'), tests.sealed('pk 1'),
                                            2, tests.sealed('meta 2'), 1, 1)$$, 'the meta advances to revision 2');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 1, tests.sealed('keyset 1'), tests.sealed('pk 1'),
                                             3, tests.sealed('meta 3'), 1, 1)$$,
  'PT409', 'revision conflict', 'a stale expected meta revision is a conflict');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 3, tests.sealed('keyset 3'), tests.sealed('pk 1'),
                                             2, tests.sealed('meta 2'), 2, 2)$$,
  'PT409', 'revision conflict', 'a wrong expected keyset revision is a conflict');

-- Rotation: a new keyset revision (with a new KDF record) goes through change_credentials only
-- (070-credentials.test.sql); here the row is rotated directly to keyset 2, as it would do.
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2,
                                             tests.sealed('keyset 2'), tests.sealed('pk 2'), 2, tests.sealed('meta 2'), 1, 2)$$,
  'PT400', 'the keyset changes only through change_credentials', 'put_account cannot advance the keyset');
select tests.clear_authentication();
update public.accounts set kdf = tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), keyset_revision = 2,
                           sealed_keyset = tests.sealed('keyset 2'), box_public_key = tests.sealed('pk 2')
 where user_id = :'a';
select tests.authenticate_as_anon();
select is(public.prelogin('AAAAAA'), tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 'prelogin returns the new KDF record');
select tests.authenticate_as(:'a', :'a_session');

-- Bad input on replace (stored: keyset 2, meta 2).
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 2, tests.sealed('keyset 2'), tests.sealed('pk 2'),
                                             3, tests.sealed('meta 3'), 2, 2)$$,
  'PT400', 'the keyset changed without a new keyset revision', 'the KDF record cannot change without a keyset revision');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2, tests.sealed('other'),
                                             tests.sealed('pk 2'), 3, tests.sealed('meta 3'), 2, 2)$$,
  'PT400', 'the keyset changed without a new keyset revision', 'the keyset cannot change without a new revision');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2, tests.sealed('keyset 2'),
                                             tests.sealed('pk 2'), 2, tests.sealed('other'), 2, 2)$$,
  'PT400', 'a revision must advance and none may go back', 'the meta cannot change without a new revision');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2, tests.sealed('keyset 2'),
                                             tests.sealed('pk 2'), 2, tests.sealed('meta 2'), 2, 2)$$,
  'PT400', 'a revision must advance and none may go back', 'a put that advances nothing is refused');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 1, tests.sealed('keyset 1'),
                                             tests.sealed('pk 2'), 3, tests.sealed('meta 3'), 2, 2)$$,
  'PT400', 'a revision must advance and none may go back', 'a revision cannot go back');
select throws_ok($$select public.put_account('ZZZZZZ', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2, tests.sealed('keyset 2'),
                                             tests.sealed('pk 2'), 3, tests.sealed('meta 3'), 2, 2)$$,
  'PT400', 'the account id cannot change', 'the account id cannot change');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 3, 'AAAA', 'AAAA', 3, 'AAAA', 2, null)$$,
  'PT400', 'expected revisions must be both null (create) or both set', 'expected revisions come in pairs');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf('bmV3c2FsdG5ld3NhbHRuZQ=='), 2, tests.sealed('keyset 2'),
                                             tests.sealed('pk 2'), 3, 'not base64!', 2, 2)$$,
  'PT400', 'invalid input: accounts_sealed_meta_base64', 'a sealed meta that is not base64 is refused');

-- Bad input on create (user B).
select tests.authenticate_as(:'b', :'b_session');
select throws_ok($$select public.put_account('bbbbbb', tests.kdf(), 1, 'AAAA', 'AAAA', 1, 'AAAA', null, null)$$,
  'PT400', 'invalid input: accounts_account_id_shape', 'the account id is 6 capitals or digits');
select throws_ok($$select public.put_account('BBBBBB', '[1,2]', 1, 'AAAA', 'AAAA', 1, 'AAAA', null, null)$$,
  'PT400', 'invalid input: accounts_kdf_shape', 'the KDF record is an object');
select throws_ok(format($$select public.put_account('BBBBBB', %L, 1, 'AAAA', 'AAAA', 1, 'AAAA', null, null)$$,
                        jsonb_build_object('v', 1, 'pad', repeat('x', 1100))),
  'PT400', 'invalid input: accounts_kdf_shape', 'the KDF record is small');
select throws_ok($$select public.put_account('BBBBBB', tests.kdf(), 1, 'AAA', 'AAAA', 1, 'AAAA', null, null)$$,
  'PT400', 'invalid input: accounts_sealed_keyset_base64', 'base64 comes in groups of four');
select throws_ok(format($$select public.put_account('BBBBBB', tests.kdf(), 1, 'AAAA', %L, 1, 'AAAA', null, null)$$,
                        repeat('AAAA', 257)),
  'PT400', 'invalid input: accounts_box_public_key_base64', 'the public key is at most 1 KiB of base64');
select throws_ok(format($$select public.put_account('BBBBBB', tests.kdf(), 1, 'AAAA', 'AAAA', 1, %L, null, null)$$,
                        repeat('AAAA', 16385)),
  'PT400', 'invalid input: accounts_sealed_meta_base64', 'the sealed meta is at most 64 KiB of base64');
select throws_ok($$select public.put_account('BBBBBB', tests.kdf(), 0, 'AAAA', 'AAAA', 1, 'AAAA', null, null)$$,
  'PT400', 'invalid input: accounts_keyset_revision_positive', 'revisions start at 1');
select throws_ok($$select public.put_account('BBBBBB', tests.kdf(), 1, 'AAAA', 'AAAA', 1, null, null, null)$$,
  'PT400', 'invalid input: sealed_meta is required', 'the sealed meta is required');
select throws_ok($$select public.put_account('AAAAAA', tests.kdf(), 1, 'AAAA', 'AAAA', 1, 'AAAA', null, null)$$,
  '23505', 'account id already taken', 'another user''s account id cannot be taken');

select tests.clear_authentication();
select results_eq($$select count(*)::int from public.accounts where user_id = $$ || quote_literal(:'b'), array[0],
  'none of B''s refused puts left a row');

select * from finish();
rollback;
