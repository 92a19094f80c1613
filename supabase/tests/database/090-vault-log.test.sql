-- The vault log (20261122150000): each vault's history is a chain of sealed entries, counter
-- 1, 2, 3, … per user and vault, and push_items writes items of one vault together with the
-- entry that vouches for them, in one transaction: the entry and all its items, or nothing.
begin;
select plan(54);

select tests.create_user('a@example.org') as a, tests.create_user('b@example.org') as b \gset
-- A signs in on a laptop (sa) and a desktop (sa2); B on a phone.
select tests.create_session(:'a') as sa, tests.create_session(:'a') as sa2, tests.create_session(:'b') as sb \gset
\set v1 '''a0000000-0000-4000-8000-000000000001'''
\set v2 '''a0000000-0000-4000-8000-000000000002'''
\set i1 '''a0000000-0000-4000-8000-000000000011'''
\set i2 '''a0000000-0000-4000-8000-000000000012'''
\set i3 '''a0000000-0000-4000-8000-000000000013'''

-- One element of p_items, as the client sends it (rolled back with the rest of this file).
create function tests.item(p_item_id text, p_expected bigint, p_revision bigint, p_sealed text, p_deleted boolean)
returns jsonb language sql immutable
as $$
  select jsonb_build_object('item_id', p_item_id, 'expected_revision', p_expected, 'revision', p_revision,
                            'sealed', p_sealed, 'deleted', p_deleted)
$$;
grant execute on function tests.item(text, bigint, bigint, text, boolean) to authenticated;

-- The first push of a vault: entry 1 and two new items.
select tests.authenticate_as(:'a', :'sa');
select public.push_items(:v1, 1, tests.sealed('log 1'), jsonb_build_array(
         tests.item(:i1, null, 1, tests.sealed('x 1'), false), tests.item(:i2, null, 1, tests.sealed('y 1'), false))
       ) as push1 \gset
select results_eq($$select vault_id, counter, sealed from public.vault_log$$,
  format($$values (%L::uuid, 1::bigint, tests.sealed('log 1'))$$, :v1),
  'the first push writes entry 1 of the vault');
select results_eq($$select item_id, vault_id, revision, sealed, deleted from public.items order by seq$$,
  format($$values (%L::uuid, %L::uuid, 1::bigint, tests.sealed('x 1'), false),
                  (%L, %L, 1, tests.sealed('y 1'), false)$$, :i1, :v1, :i2, :v1),
  'and both items, into the pushed vault, in the order they were sent');
select results_eq(
  format($$select (select seq from public.vault_log) < min(seq) and max(seq) = %s from public.items$$, :'push1'),
  array[true], 'the entry takes its seq first, the items after it; push_items returns the greatest');

-- The counter must be exactly the next one.
select throws_ok(format($$select public.push_items(%L, 1, tests.sealed('log 1 again'),
                                                   jsonb_build_array(tests.item(%L, null, 1, tests.sealed('z 1'), false)))$$,
                        :v1, :i3),
  'PT409', 'vault history moved on', 'a counter the vault already has is a conflict (another device wrote first)');
select throws_ok(format($$select public.push_items(%L, 3, tests.sealed('log 3'), '[]')$$, :v1),
  'PT400', 'vault history counter skips ahead', 'a counter that skips one is bad input');
select throws_ok(format($$select public.push_items(%L, 0, tests.sealed('log 0'), '[]')$$, :v1),
  'PT400', 'invalid input: vault_log_counter_positive', 'counter 0 is bad input');
select throws_ok(format($$select public.push_items(%L, null, tests.sealed('log'), '[]')$$, :v1),
  'PT400', 'invalid input: vault_log_counter_positive', 'a missing counter is bad input');
select throws_ok($$select public.push_items(null, 1, tests.sealed('log'), '[]')$$,
  'PT400', 'invalid input: vault_id is required', 'the vault id is required');
select throws_ok(format($$select public.push_items(%L, 2, null, '[]')$$, :v1),
  'PT400', 'invalid input: sealed is required', 'the entry is required');
select throws_ok(format($$select public.push_items(%L, 2, 'not base64!', '[]')$$, :v1),
  'PT400', 'invalid input: vault_log_sealed_base64', 'the entry is a base64 envelope');

-- One item refused: neither the entry nor the other items of that push are written. The good
-- item comes first each time, so it was written before the refusal and rolled back with it.
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, tests.sealed('z 1'), false),
                            tests.item(%L, null, 1, tests.sealed('x again'), false)))$$, :v1, :i3, :i1),
  'PT409', 'revision conflict', 'a push with one stale item is a conflict');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, tests.sealed('z 1'), false),
                            tests.item(%L, 1, 2, null, true)))$$, :v1, :i3, :i2),
  'PT400', 'a tombstone must carry its sealed marker', 'a push with a deletion without its marker is refused');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, tests.sealed('z 1'), false),
                            tests.item(%L, 1, 1, tests.sealed('y 1 again'), false)))$$, :v1, :i3, :i2),
  'PT400', 'revision must be greater than the expected revision', 'a push with a revision that does not advance');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, tests.sealed('z 1'), false),
                            tests.item(%L, 1, 2, 'not base64!', false)))$$, :v1, :i3, :i2),
  'PT400', 'invalid input: items_sealed_base64', 'a push with an item that is not base64 is refused');
select results_eq($$select counter from public.vault_log$$, array[1::bigint], 'the refused pushes wrote no entry');
select results_eq($$select item_id, revision, deleted from public.items order by seq$$,
  format($$values (%L::uuid, 1::bigint, false), (%L::uuid, 1::bigint, false)$$, :i1, :i2),
  'and no item: the new one is absent, the others unchanged');

-- p_items: an array of at most 1000 well-formed objects, every one checked before any write.
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), '{}')$$, :v1),
  'PT400', 'p_items must be an array', 'p_items as an object is bad input');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), null)$$, :v1),
  'PT400', 'p_items must be an array', 'p_items null is bad input');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), '"[]"')$$, :v1),
  'PT400', 'p_items must be an array', 'p_items as a JSON string is bad input');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'),
                            (select jsonb_agg(tests.item(gen_random_uuid()::text, null, 1, 'AAAA', false))
                               from generate_series(1, 1001)))$$, :v1),
  'PT400', 'too many items in one push', 'more than 1000 items is bad input');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), '[1]')$$, :v1),
  'PT400', 'invalid input: each item must be an object', 'an element that is not an object');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, tests.sealed('z 1'), false),
                            tests.item('not a uuid', null, 1, 'AAAA', false)))$$, :v1, :i3),
  'PT400', 'invalid input: item_id must be a uuid', 'an item id that is not a uuid');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'),
                            '[{"item_id": 7, "expected_revision": null, "revision": 1, "sealed": "AAAA", "deleted": false}]')$$,
                        :v1),
  'PT400', 'invalid input: item_id must be a uuid', 'an item id that is a number');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', false) - 'item_id'))$$, :v1, :i3),
  'PT400', 'invalid input: item_id must be a uuid', 'an item without an id');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', false) || '{"revision": "1"}'))$$, :v1, :i3),
  'PT400', 'invalid input: revision must be an integer', 'a revision that is a string');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', false) || '{"revision": 1.5}'))$$, :v1, :i3),
  'PT400', 'invalid input: revision must be an integer', 'a revision that is not whole');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', false) || '{"revision": 1e30}'))$$, :v1, :i3),
  'PT400', 'invalid input: revision must be an integer', 'a revision beyond bigint');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', false) - 'revision'))$$, :v1, :i3),
  'PT400', 'invalid input: revision must be an integer', 'an item without a revision');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, 1, 2, 'AAAA', false) || '{"expected_revision": "one"}'))$$, :v1, :i1),
  'PT400', 'invalid input: expected_revision must be an integer or null', 'an expected revision that is a string');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', false) || '{"sealed": 42}'))$$, :v1, :i3),
  'PT400', 'invalid input: sealed must be base64 text', 'a sealed value that is not text');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', null)))$$, :v1, :i3),
  'PT400', 'invalid input: deleted must be true or false', 'deleted null');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                            tests.item(%L, null, 1, 'AAAA', false) || '{"deleted": "false"}'))$$, :v1, :i3),
  'PT400', 'invalid input: deleted must be true or false', 'deleted as a string');
select results_eq($$select count(*)::int from public.vault_log$$, array[1], 'still only entry 1');

-- The next entry: a deletion with its marker. A missing expected_revision means a create.
select lives_ok(format($$select public.push_items(%L, 2, tests.sealed('log 2'), jsonb_build_array(
                           tests.item(%L, 1, 2, tests.sealed('marker x 2'), true),
                           tests.item(%L, null, 1, tests.sealed('z 1'), false) - 'expected_revision'))$$, :v1, :i1, :i3),
  'entry 2 with a deletion and a new item is taken');
select results_eq(format('select item_id, revision, deleted, sealed from public.items where vault_id = %L order by item_id', :v1),
  format($$values (%L::uuid, 2::bigint, true, tests.sealed('marker x 2')), (%L::uuid, 1::bigint, false, tests.sealed('y 1')),
                  (%L::uuid, 1::bigint, false, tests.sealed('z 1'))$$, :i1, :i2, :i3),
  'the tombstone carries its marker, the new item is there, the untouched one is as it was');

-- A history-only entry: no items.
select public.push_items(:v1, 3, tests.sealed('log 3'), '[]') as push3 \gset
select results_eq(format('select seq from public.vault_log where vault_id = %L and counter = 3', :v1),
  array[:'push3'::bigint], 'an entry without items is taken, and push_items returns its seq');

-- Counters are per vault: vault 2 starts at 1, whatever vault 1 has. Moving an item into it.
select throws_ok(format($$select public.push_items(%L, 4, tests.sealed('v2 log 4'), '[]')$$, :v2),
  'PT400', 'vault history counter skips ahead', 'vault 2 does not continue vault 1''s counter');
select lives_ok(format($$select public.push_items(%L, 1, tests.sealed('v2 log 1'), jsonb_build_array(
                           tests.item(%L, 1, 2, tests.sealed('y 2'), false)))$$, :v2, :i2),
  'vault 2 starts at 1, and its first push may move an item in');
select results_eq($$select vault_id, counter, sealed from public.vault_log order by seq$$,
  format($$values (%L::uuid, 1::bigint, tests.sealed('log 1')), (%L::uuid, 2::bigint, tests.sealed('log 2')),
                  (%L::uuid, 3::bigint, tests.sealed('log 3')), (%L::uuid, 1::bigint, tests.sealed('v2 log 1'))$$,
         :v1, :v1, :v1, :v2),
  'A''s history: three entries of vault 1, one of vault 2, in seq order');
select results_eq(format('select vault_id, revision from public.items where item_id = %L', :i2),
  format($$values (%L::uuid, 2::bigint)$$, :v2), 'the moved item is in vault 2');

-- B: sees none of A's history, and has a history of its own for the same vault id.
select tests.authenticate_as(:'b', :'sb');
select is_empty($$select from public.vault_log$$, 'B sees none of A''s entries');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('b log 2'), '[]')$$, :v1),
  'PT400', 'vault history counter skips ahead', 'A''s counters do not count for B');
select lives_ok(format($$select public.push_items(%L, 1, tests.sealed('b log 1'), '[]')$$, :v1),
  'B starts its own history at 1 for the same vault id');
select results_eq($$select user_id, counter, sealed from public.vault_log$$,
  format($$values (%L::uuid, 1::bigint, tests.sealed('b log 1'))$$, :'b'), 'B sees only its own entry');

-- Nobody writes the table directly, not even their own rows (42501, before RLS).
select throws_ok(format($$insert into public.vault_log (vault_id, counter, sealed, seq) values (%L, 2, 'AAAA', 1)$$, :v1),
  '42501', null, 'B cannot insert an entry directly');
select throws_ok(format($$insert into public.vault_log (user_id, vault_id, counter, sealed, seq)
                          values (%L, %L, 4, 'AAAA', 1)$$, :'a', :v1),
  '42501', null, 'B cannot insert an entry for A');
select throws_ok($$update public.vault_log set sealed = 'AAAA'$$, '42501', null, 'B cannot update entries');
select throws_ok($$delete from public.vault_log$$, '42501', null, 'B cannot delete entries');

-- anon: neither the table nor the function.
select tests.authenticate_as_anon();
select throws_ok($$select * from public.vault_log$$, '42501', null, 'anon cannot select vault_log');
select throws_ok(format($$select public.push_items(%L, 1, 'AAAA', '[]')$$, :v2), '42501', null,
  'anon cannot call push_items');

-- A revoked device cannot push, even with a still-unexpired token.
select tests.authenticate_as(:'a', :'sa2');
select public.register_device('a0000000-0000-4000-8000-00000000000e', tests.sealed('desktop'));
select tests.authenticate_as(:'a', :'sa');
select public.revoke_device('a0000000-0000-4000-8000-00000000000e');
select tests.authenticate_as(:'a', :'sa2');
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('v2 log 2'), jsonb_build_array(
                            tests.item(%L, 2, 3, tests.sealed('y 3'), false)))$$, :v2, :i2),
  'PT403', 'this device has been revoked', 'a revoked session cannot push');
select tests.authenticate_as(:'a', null);
select throws_ok(format($$select public.push_items(%L, 2, tests.sealed('v2 log 2'), '[]')$$, :v2),
  'PT403', 'the access token has no session', 'a token without a session cannot push');

select tests.clear_authentication();
select results_eq(format('select count(*)::int from public.vault_log where user_id = %L', :'a'), array[4],
  'A still has exactly its four entries');

-- Deleting the user deletes its history.
delete from auth.users where id = :'a';
select results_eq($$select user_id from public.vault_log$$, array[:'b'::uuid], 'A''s entries went with A');

select * from finish();
rollback;
