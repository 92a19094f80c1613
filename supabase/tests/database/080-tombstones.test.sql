-- Sealed tombstones (20261122140000): a deletion carries its sealed marker, an envelope only the
-- account can make, so that a device can tell a deletion the user made from one a server made
-- up. put_item refuses a deletion without one; a live item still needs its envelope; tombstones
-- written before markers (sealed null) remain valid rows that a later revision can replace.
begin;
select plan(19);

select tests.create_user('a@example.org') as a, tests.create_user('b@example.org') as b \gset
select tests.create_session(:'a') as sa, tests.create_session(:'b') as sb \gset

select tests.authenticate_as(:'a', :'sa');
select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                       null, 1, tests.sealed('x 1'), false) as live_seq \gset

-- A deletion with its marker is accepted, and a pull finds it with the marker as sealed.
select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                       1, 2, tests.sealed('marker x 2'), true) as tomb_seq \gset
select cmp_ok(:'tomb_seq'::bigint, '>', :'live_seq'::bigint, 'a deletion with its marker is accepted and takes a new seq');
select results_eq(
  format($$select item_id, vault_id, revision, deleted, sealed, seq from public.items where seq > %s order by seq$$, :'live_seq'),
  format($$values ('a0000000-0000-4000-8000-000000000011'::uuid, 'a0000000-0000-4000-8000-000000000001'::uuid,
                   2::bigint, true, tests.sealed('marker x 2'), %s::bigint)$$, :'tomb_seq'),
  'A pulls the tombstone after its last seq: deleted, with its marker as sealed'
);

-- A deletion without its marker: refused before the stored revision is even looked at.
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                                          2, 3, null, true)$$,
  'PT400', 'a tombstone must carry its sealed marker', 'deleting an existing item without a marker is refused');
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                                          1, 3, null, true)$$,
  'PT400', 'a tombstone must carry its sealed marker', 'a deletion without a marker is PT400 even at a stale revision');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, null, true)$$,
  'PT400', 'a tombstone must carry its sealed marker', 'creating an item as a tombstone without a marker is refused');
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000001',
                                          1, 3, tests.sealed('marker x 3'), true)$$,
  'PT409', 'revision conflict', 'a deletion with its marker at a stale revision is still a conflict');
select throws_ok($$select public.put_item(gen_random_uuid(), gen_random_uuid(), null, 1, null, null)$$,
  'PT400', 'invalid input: deleted is required', 'deleted is required, with or without sealed');
select results_eq(
  $$select revision, deleted, sealed, seq from public.items where item_id = 'a0000000-0000-4000-8000-000000000011'$$,
  format($$values (2::bigint, true, tests.sealed('marker x 2'), %s::bigint)$$, :'tomb_seq'),
  'the refused writes left the tombstone as it was'
);

-- The other rules hold for tombstones as before: replaced by a later tombstone, restored by a
-- later live revision (which needs its envelope), moved with the item.
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000002',
                                         2, 3, tests.sealed('marker x 3'), true)$$,
  'a tombstone may be replaced by a later tombstone with its own marker, in another vault');
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000002',
                                          3, 4, null, false)$$,
  'PT400', 'invalid input: items_live_has_sealed', 'restoring without an envelope is refused');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000002',
                                         3, 4, tests.sealed('x 4'), false)$$, 'a later live revision restores the item');
select results_eq(
  $$select vault_id, revision, deleted, sealed from public.items where item_id = 'a0000000-0000-4000-8000-000000000011'$$,
  $$values ('a0000000-0000-4000-8000-000000000002'::uuid, 4::bigint, false, tests.sealed('x 4'))$$,
  'the restored item is live with its envelope'
);

-- B sees none of it.
select tests.authenticate_as(:'b', :'sb');
select is_empty($$select from public.items$$, 'B pulls none of A''s items or tombstones');

-- Rows from before markers: a tombstone with sealed null is still a valid row (as the superuser,
-- standing for data already stored); a live row without an envelope never is.
select tests.clear_authentication();
select lives_ok($$insert into public.items (user_id, item_id, vault_id, revision, sealed, deleted, seq)
                  values ($$ || quote_literal(:'a') || $$, 'a0000000-0000-4000-8000-000000000021',
                          'a0000000-0000-4000-8000-000000000001', 5, null, true, nextval('public.change_seq')),
                         ($$ || quote_literal(:'a') || $$, 'a0000000-0000-4000-8000-000000000022',
                          'a0000000-0000-4000-8000-000000000001', 5, null, true, nextval('public.change_seq'))$$,
  'a tombstone without a marker, written before markers, remains a valid row');
select throws_ok($$insert into public.items (user_id, item_id, vault_id, revision, sealed, deleted, seq)
                   values ($$ || quote_literal(:'a') || $$, gen_random_uuid(), gen_random_uuid(), 1, null, false,
                           nextval('public.change_seq'))$$,
  '23514', 'new row for relation "items" violates check constraint "items_live_has_sealed"',
  'the table refuses a live row without an envelope, whoever writes it');

select tests.authenticate_as(:'a', :'sa');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000021', 'a0000000-0000-4000-8000-000000000001',
                                         5, 6, tests.sealed('y 6'), false)$$, 'a tombstone without a marker can be restored');
select throws_ok($$select public.put_item('a0000000-0000-4000-8000-000000000022', 'a0000000-0000-4000-8000-000000000001',
                                          5, 6, null, true)$$,
  'PT400', 'a tombstone must carry its sealed marker', 'a tombstone without a marker cannot be re-deleted without one');
select lives_ok($$select public.put_item('a0000000-0000-4000-8000-000000000022', 'a0000000-0000-4000-8000-000000000001',
                                         5, 6, tests.sealed('marker z 6'), true)$$,
  'a tombstone without a marker can be replaced by one with a marker');

select tests.clear_authentication();
select results_eq(
  $$select item_id, revision, deleted, sealed from public.items
     where item_id in ('a0000000-0000-4000-8000-000000000021', 'a0000000-0000-4000-8000-000000000022') order by 1$$,
  $$values ('a0000000-0000-4000-8000-000000000021'::uuid, 6::bigint, false, tests.sealed('y 6')),
           ('a0000000-0000-4000-8000-000000000022'::uuid, 6::bigint, true, tests.sealed('marker z 6'))$$,
  'the rows from before markers hold their new revisions'
);

select * from finish();
rollback;
