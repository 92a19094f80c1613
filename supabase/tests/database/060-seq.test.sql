-- change_seq: every write to accounts, vaults or items takes a new, larger seq and sets
-- updated_at, so a client pulls "seq > last_seq order by seq" per table and misses nothing.
begin;
select plan(11);

select tests.create_user('a@example.org') as a, tests.create_user('b@example.org') as b \gset
select tests.create_session(:'a') as sa, tests.create_session(:'b') as sb \gset

-- The seq each write returned, in call order.
create temp table written (ord serial primary key, what text not null, seq bigint not null);
grant all on written to authenticated;
grant usage on sequence written_ord_seq to authenticated;

select tests.authenticate_as(:'a', :'sa');
insert into written (what, seq) select 'a account', public.put_account('AAAAAA', tests.kdf(), 1, 'AAAA', 'AAAA', 1, 'AAAA', null, null);
insert into written (what, seq) select 'a vault', public.put_vault('a0000000-0000-4000-8000-000000000001', null, 1, 'AAAA', 'AAAA');
insert into written (what, seq) select 'a item', public.put_item('a0000000-0000-4000-8000-000000000002',
  'a0000000-0000-4000-8000-000000000001', null, 1, 'AAAA', false);
select tests.authenticate_as(:'b', :'sb');
insert into written (what, seq) select 'b vault', public.put_vault('b0000000-0000-4000-8000-000000000001', null, 1, 'AAAA', 'AAAA');
select tests.authenticate_as(:'a', :'sa');
insert into written (what, seq) select 'a item 2', public.put_item('a0000000-0000-4000-8000-000000000002',
  'a0000000-0000-4000-8000-000000000001', 1, 2, 'BBBB', false);

select ok(exists (
  select from pg_locks
   where locktype = 'advisory' and pid = pg_backend_pid() and granted
     and ((classid::bigint << 32) | objid::bigint) = hashtextextended('vault-sync-user:' || :'a', 0)
), 'a write holds its user''s lock until commit, so seqs become visible in order');

select tests.clear_authentication();
-- Make the rows look old, to see the next writes set updated_at and keep created_at.
update public.accounts set created_at = now() - interval '1 day', updated_at = now() - interval '1 day';
update public.vaults set created_at = now() - interval '1 day', updated_at = now() - interval '1 day';
update public.items set updated_at = now() - interval '1 day';
select tests.authenticate_as(:'a', :'sa');
insert into written (what, seq) select 'a vault 2', public.put_vault('a0000000-0000-4000-8000-000000000001', 1, 2, 'BBBB', 'BBBB');
insert into written (what, seq) select 'a account 2', public.put_account('AAAAAA', tests.kdf(), 1, 'AAAA', 'AAAA', 2, 'BBBB', 1, 1);
insert into written (what, seq) select 'a item 3', public.put_item('a0000000-0000-4000-8000-000000000002',
  'a0000000-0000-4000-8000-000000000001', 2, 3, 'CCCC', true);
select tests.clear_authentication();

select is_empty(
  $$select from written w join written next on next.ord = w.ord + 1 where next.seq <= w.seq$$,
  'each write returned a larger seq than the one before, across tables and users'
);
select is((select count(distinct seq) from written), (select count(*) from written), 'no seq was returned twice');
select results_eq(
  $$select 'accounts', seq from public.accounts union all select 'vaults', seq from public.vaults
    union all select 'items', seq from public.items order by 2$$,
  $$select 'vaults', seq from written where what = 'b vault'
    union all select 'vaults', seq from written where what = 'a vault 2'
    union all select 'accounts', seq from written where what = 'a account 2'
    union all select 'items', seq from written where what = 'a item 3'$$,
  'each row holds the seq its last write returned'
);
select results_eq(
  $$select 'vaults' || updated_at::text, 'vaults' || created_at::text from public.vaults where vault_id = 'a0000000-0000-4000-8000-000000000001'
    union all select 'accounts' || updated_at::text, 'accounts' || created_at::text from public.accounts$$,
  $$values ('vaults' || now()::text, 'vaults' || (now() - interval '1 day')::text),
           ('accounts' || now()::text, 'accounts' || (now() - interval '1 day')::text)$$,
  'a replace sets updated_at and keeps created_at'
);
select results_eq($$select updated_at = now() from public.items$$, array[true], 'an item write sets updated_at');

-- A pull as the client makes it: after the seq of A's first vault write.
select tests.authenticate_as(:'a', :'sa');
select results_eq(
  format('select item_id, revision from public.items where seq > %s order by seq limit 500',
         (select seq from written where what = 'a vault')),
  $$values ('a0000000-0000-4000-8000-000000000002'::uuid, 3::bigint)$$,
  'pulling items after a seq returns the newer item revision'
);
select results_eq(
  format('select vault_id, revision from public.vaults where seq > %s order by seq',
         (select seq from written where what = 'a vault')),
  $$values ('a0000000-0000-4000-8000-000000000001'::uuid, 2::bigint)$$,
  'pulling vaults after a seq returns only A''s newer vault, never B''s'
);
select is_empty(
  format('select from public.accounts where seq > %s', (select max(seq) from written)),
  'nothing is newer than the last write'
);

-- Devices are not synced records: registering one leaves change_seq alone.
select tests.clear_authentication();
select last_value as before_device from public.change_seq \gset
select tests.authenticate_as(:'a', :'sa');
select public.register_device(gen_random_uuid(), 'AAAA');
select public.touch_device(device_id) from public.devices;
select tests.clear_authentication();
select is((select last_value from public.change_seq), :before_device::bigint, 'device writes draw no seq');
select cmp_ok((select max(seq) from written), '=', (select last_value from public.change_seq),
  'the last write drew the latest seq');

select * from finish();
rollback;
