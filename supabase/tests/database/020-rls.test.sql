-- Isolation: what each role can read and write directly (as PostgREST would run its requests).
-- Users A and B each get an account, a vault, an item and a device through the functions; then
-- B tries to read and write A's rows, and anyone tries to write any table directly.
begin;
select plan(39);

select tests.create_user('a@example.org') as a, tests.create_user('b@example.org') as b \gset
select tests.create_session(:'a') as a_session, tests.create_session(:'b') as b_session \gset

select tests.authenticate_as(:'a', :'a_session');
select public.put_account('AAAAAA', tests.kdf(), 1, tests.sealed('a keyset'), tests.sealed('a pk'),
                          1, tests.sealed('a meta'), null, null);
select public.put_vault('a0000000-0000-4000-8000-000000000001', null, 1, tests.sealed('a vk'), tests.sealed('a vm'));
select public.put_item('a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001',
                       null, 1, tests.sealed('a item'), false);
select public.register_device('a0000000-0000-4000-8000-000000000003', tests.sealed('a laptop'));

select tests.authenticate_as(:'b', :'b_session');
select public.put_account('BBBBBB', tests.kdf(), 1, tests.sealed('b keyset'), tests.sealed('b pk'),
                          1, tests.sealed('b meta'), null, null);
select public.put_vault('b0000000-0000-4000-8000-000000000001', null, 1, tests.sealed('b vk'), tests.sealed('b vm'));
select public.put_item('b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001',
                       null, 1, tests.sealed('b item'), false);
select public.register_device('b0000000-0000-4000-8000-000000000003', tests.sealed('b phone'));

-- B reads: its own rows only, even when asking for A's by id.
select results_eq($$select user_id from public.accounts$$, array[:'b'::uuid], 'B sees only its own account');
select results_eq($$select user_id from public.vaults$$, array[:'b'::uuid], 'B sees only its own vault');
select results_eq($$select user_id from public.items$$, array[:'b'::uuid], 'B sees only its own item');
select results_eq($$select user_id from public.devices$$, array[:'b'::uuid], 'B sees only its own device');
select is_empty(format('select * from public.accounts where user_id = %L', :'a'), 'B cannot select A''s account');
select is_empty(format('select * from public.vaults where user_id = %L', :'a'), 'B cannot select A''s vault');
select is_empty(format('select * from public.items where user_id = %L', :'a'), 'B cannot select A''s item');
select is_empty(format('select * from public.devices where user_id = %L', :'a'), 'B cannot select A''s device');

-- B writes A's rows directly: refused by privilege before RLS is consulted.
select throws_ok(format($$insert into public.accounts (user_id, account_id, kdf, keyset_revision, sealed_keyset,
    box_public_key, meta_revision, sealed_meta, seq) values (%L, 'CCCCCC', '{}', 1, 'AAAA', 'AAAA', 1, 'AAAA', 1)$$, :'a'),
  '42501', null, 'B cannot insert an account for A');
select throws_ok(format($$insert into public.vaults (user_id, vault_id, revision, sealed_key, sealed_meta, seq)
    values (%L, gen_random_uuid(), 1, 'AAAA', 'AAAA', 1)$$, :'a'), '42501', null, 'B cannot insert a vault for A');
select throws_ok(format($$insert into public.items (user_id, item_id, vault_id, revision, sealed, deleted, seq)
    values (%L, gen_random_uuid(), gen_random_uuid(), 1, 'AAAA', false, 1)$$, :'a'),
  '42501', null, 'B cannot insert an item for A');
select throws_ok(format($$insert into public.devices (user_id, device_id, session_id, sealed_name)
    values (%L, gen_random_uuid(), gen_random_uuid(), 'AAAA')$$, :'a'), '42501', null, 'B cannot insert a device for A');
select throws_ok(format('update public.%I set updated_at = now() where user_id = %L', t, :'a'),
  '42501', null, 'B cannot update A''s ' || t)
  from unnest(array['accounts', 'vaults', 'items']) t;
select throws_ok(format('update public.devices set revoked_at = now() where user_id = %L', :'a'),
  '42501', null, 'B cannot update A''s devices');
select throws_ok(format('delete from public.%I where user_id = %L', t, :'a'), '42501', null, 'B cannot delete A''s ' || t)
  from unnest(array['accounts', 'vaults', 'items', 'devices']) t;

-- Not even its own rows: every write goes through a function that checks revisions.
select throws_ok(format('update public.%I set seq = 0 where user_id = %L', t, :'b'), '42501', null,
  'B cannot update its own ' || t || ' directly')
  from unnest(array['accounts', 'vaults', 'items']) t;
select throws_ok(format('delete from public.%I where user_id = %L', t, :'b'), '42501', null,
  'B cannot delete its own ' || t || ' directly')
  from unnest(array['accounts', 'vaults', 'items', 'devices']) t;

-- B writing through the functions with A's ids touches only B's own rows.
select throws_ok($$select public.put_vault('a0000000-0000-4000-8000-000000000001', 1, 2, 'AAAA', 'AAAA')$$,
  'PT409', 'revision conflict', 'B cannot replace A''s vault: to B it does not exist');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000002',
  'a0000000-0000-4000-8000-000000000001', null, 1, 'QkJCQg==', false)$$, 'B may create an item with the same id');
select throws_ok($$select nextval('public.change_seq')$$, '42501', null, 'B cannot draw from change_seq');
select throws_ok($$select * from auth.users$$, '42501', null, 'authenticated cannot read auth.users');
select throws_ok($$select * from auth.sessions$$, '42501', null, 'authenticated cannot read auth.sessions');
select throws_ok($$select private.begin_write()$$, '42501', null, 'authenticated cannot call private helpers');

select tests.clear_authentication();
select results_eq(format('select sealed from public.items where user_id = %L', :'a'), array[tests.sealed('a item')],
  'A''s item is unchanged');

-- anon: no table, no write function; prelogin only (030-accounts tests what it returns).
select tests.authenticate_as_anon();
select throws_ok(format('select * from public.%I', t), '42501', null, 'anon cannot select ' || t)
  from unnest(array['accounts', 'vaults', 'items', 'devices']) t;
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AAAA')$$, '42501', null,
  'anon cannot call put_vault');
select tests.clear_authentication();

select * from finish();
rollback;
