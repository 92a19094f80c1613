-- put_vault and put_item: create (expected null), replace at the expected revision, conflicts
-- (PT409) and bad input (PT400); tombstones (with their sealed marker); moving an item between
-- vaults. 080-tombstones covers the marker rules in detail.
begin;
select plan(35);

select tests.create_user('a@example.org') as a \gset
select tests.create_session(:'a') as a_session \gset
select tests.authenticate_as(:'a', :'a_session');

-- Vaults.
select cmp_ok(public.put_vault('a0000000-0000-4000-8000-000000000001', null, 1, tests.sealed('vk 1'), tests.sealed('vm 1')),
  '>', 0::bigint, 'put_vault creates a vault and returns its seq');
select throws_ok($$select public.put_vault('a0000000-0000-4000-8000-000000000001', null, 1, 'AAAA', 'AAAA')$$,
  'PT409', 'revision conflict', 'creating a vault that exists is a conflict');
select lives_ok($$select public.put_vault('a0000000-0000-4000-8000-000000000001', 1, 2, tests.sealed('vk 2'),
                                          tests.sealed('vm 2'))$$, 'replacing revision 1 with 2');
select throws_ok($$select public.put_vault('a0000000-0000-4000-8000-000000000001', 1, 3, 'AAAA', 'AAAA')$$,
  'PT409', 'revision conflict', 'a stale expected revision is a conflict');
select throws_ok($$select public.put_vault('a0000000-0000-4000-8000-00000000ffff', 1, 2, 'AAAA', 'AAAA')$$,
  'PT409', 'revision conflict', 'replacing a vault that does not exist is a conflict');
select throws_ok($$select public.put_vault('a0000000-0000-4000-8000-000000000001', 2, 2, 'AAAA', 'AAAA')$$,
  'PT400', 'revision must be greater than the expected revision', 'the revision must increase');
select throws_ok($$select public.put_vault('a0000000-0000-4000-8000-000000000001', 2, 1, 'AAAA', 'AAAA')$$,
  'PT400', 'revision must be greater than the expected revision', 'the revision cannot go back');
select throws_ok($$select public.put_vault('a0000000-0000-4000-8000-000000000001', 2, null, 'AAAA', 'AAAA')$$,
  'PT400', 'revision is required', 'the revision is required');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 0, 'AAAA', 'AAAA')$$,
  'PT400', 'invalid input: vaults_revision_positive', 'revisions start at 1');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, 'AAAA', 'AA=A')$$,
  'PT400', 'invalid input: vaults_sealed_meta_base64', 'padding only at the end');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, E'AAAA\nAAAA', 'AAAA')$$,
  'PT400', 'invalid input: vaults_sealed_key_base64', 'no line breaks in base64');
select throws_ok($$select public.put_vault(gen_random_uuid(), null, 1, null, 'AAAA')$$,
  'PT400', 'invalid input: sealed_key is required', 'the sealed key is required');
select throws_ok($$select public.put_vault(null, null, 1, 'AAAA', 'AAAA')$$,
  'PT400', 'invalid input: vault_id is required', 'the vault id is required');

-- Items.
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                                         null, 1, tests.sealed('item 1'), false)$$, 'put_item creates an item');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000012', 'a0000000-0000-4000-8000-000000000001',
                                         null, 1, tests.sealed('marker 12.1'), true)$$,
  'an item may be created as a tombstone with its marker');
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                                          null, 1, 'AAAA', false)$$,
  'PT409', 'revision conflict', 'creating an item that exists is a conflict');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000002',
                                         1, 2, tests.sealed('item 2'), false)$$, 'an item moves to another vault');
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                                          1, 3, 'AAAA', false)$$,
  'PT409', 'revision conflict', 'a stale expected item revision is a conflict');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000002',
                                         2, 3, tests.sealed('marker 11.3'), true)$$,
  'an item is deleted: a tombstone at revision 3 with its marker');
select tests.clear_authentication();
select results_eq(
  $$select vault_id, revision, sealed, deleted from public.items where item_id = 'a0000000-0000-4000-8000-000000000011'$$,
  $$values ('a0000000-0000-4000-8000-000000000002'::uuid, 3::bigint, tests.sealed('marker 11.3'), true)$$,
  'the tombstone keeps the id and revision, and holds its marker as sealed'
);
select tests.authenticate_as(:'a', :'a_session');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000002',
                                         3, 4, tests.sealed('item 4'), false)$$, 'a deleted item can be restored');

select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, null, true)$$,
  'PT400', 'a tombstone must carry its sealed marker', 'a tombstone without its marker is refused');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, null, false)$$,
  'PT400', 'invalid input: items_live_has_sealed', 'a live item carries an envelope');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, 'AA=A', true)$$,
  'PT400', 'invalid input: items_sealed_base64', 'a tombstone''s marker is base64 like any envelope');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, 'AAAA', null)$$,
  'PT400', 'invalid input: deleted is required', 'deleted is required');
select throws_ok($$select public.put_item(gen_random_uuid(), null, null, 1, 'AAAA', false)$$,
  'PT400', 'invalid input: vault_id is required', 'the vault id is required');
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000002',
                                          4, 4, 'AAAA', false)$$,
  'PT400', 'revision must be greater than the expected revision', 'the item revision must increase');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, 'AAAA====', false)$$,
  'PT400', 'invalid input: items_sealed_base64', 'at most two padding characters');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, 'QUFB QUFB', false)$$,
  'PT400', 'invalid input: items_sealed_base64', 'no spaces in base64');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, 'QUFB_-FB', false)$$,
  'PT400', 'invalid input: items_sealed_base64', 'the standard alphabet, not base64url');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, '', false)$$,
  'PT400', 'invalid input: items_sealed_base64', 'an envelope is never empty');
select lives_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, repeat('QUFB', 4194304), false)$$,
  'an item of exactly 16 MiB of base64 is accepted');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, repeat('QUFB', 4194305), false)$$,
  'PT400', 'invalid input: items_sealed_base64', 'an item over 16 MiB of base64 is refused');

select tests.clear_authentication();
select results_eq(
  $$select item_id, revision, sealed, deleted from public.items
     where item_id in ('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000012') order by 1$$,
  $$values ('a0000000-0000-4000-8000-000000000011'::uuid, 4::bigint, tests.sealed('item 4'), false),
           ('a0000000-0000-4000-8000-000000000012'::uuid, 1::bigint, tests.sealed('marker 12.1'), true)$$,
  'the items hold the last accepted revisions'
);
select results_eq(
  $$select vault_id, revision, sealed_key, sealed_meta from public.vaults$$,
  $$values ('a0000000-0000-4000-8000-000000000001'::uuid, 2::bigint, tests.sealed('vk 2'), tests.sealed('vm 2'))$$,
  'the vault holds the last accepted revision'
);

select * from finish();
rollback;
