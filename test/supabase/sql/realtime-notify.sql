-- TEST ONLY: change notifications for the realtime stand-in (test/supabase/gateway/realtime-feed.ts).
-- Real Supabase Realtime reads the WAL; this never belongs in supabase/migrations.
-- test/supabase/stack.ts applies it after the migrations, as a superuser; it is idempotent.
--
-- NOTIFY payloads are limited to 8000 bytes, so the sealed (large) columns are left out: a
-- notification carries ids, revisions and seq only, which is all a client needs to decide to pull.
-- Like Realtime with the default replica identity, `old_record` holds only the primary key.

create schema if not exists realtime_test;
revoke all on schema realtime_test from public;

-- Trigger arguments: the table's primary-key columns.
create or replace function realtime_test.notify_change() returns trigger
language plpgsql
-- The writer (role authenticated) needs no rights of its own here; search_path '' keeps it exact.
security definer
set search_path = ''
as $$
declare
  large constant text[] := array['sealed', 'sealed_key', 'sealed_meta', 'sealed_keyset', 'box_public_key', 'kdf'];
  new_row jsonb := case when tg_op <> 'DELETE' then pg_catalog.to_jsonb(new) operator(pg_catalog.-) large end;
  old_row jsonb := case when tg_op <> 'INSERT' then pg_catalog.to_jsonb(old) operator(pg_catalog.-) large end;
  old_key jsonb;
  cols jsonb;
begin
  select coalesce(pg_catalog.jsonb_object_agg(e.key, e.value), '{}')
    into old_key
    from pg_catalog.jsonb_each(coalesce(old_row, '{}')) as e
   where e.key operator(pg_catalog.=) any (tg_argv);

  select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('name', a.attname, 'type', t.typname) order by a.attnum)
    into cols
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_type t on t.oid operator(pg_catalog.=) a.atttypid
   where a.attrelid operator(pg_catalog.=) tg_relid
     and a.attnum operator(pg_catalog.>) 0
     and not a.attisdropped
     and a.attname::text operator(pg_catalog.<>) all (large);

  perform pg_catalog.pg_notify('realtime_test_changes', pg_catalog.jsonb_build_object(
    'schema', tg_table_schema,
    'table', tg_table_name,
    'type', tg_op,
    'commit_timestamp', pg_catalog.to_char(pg_catalog.now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'user_id', coalesce(new_row, old_row) operator(pg_catalog.->>) 'user_id',
    'columns', coalesce(cols, '[]'),
    'record', coalesce(new_row, '{}'),
    'old_record', old_key
  )::text);
  return null;
end
$$;

revoke all on function realtime_test.notify_change() from public;

drop trigger if exists realtime_test_notify on public.accounts;
create trigger realtime_test_notify after insert or update or delete on public.accounts
  for each row execute function realtime_test.notify_change('user_id');

drop trigger if exists realtime_test_notify on public.vaults;
create trigger realtime_test_notify after insert or update or delete on public.vaults
  for each row execute function realtime_test.notify_change('user_id', 'vault_id');

drop trigger if exists realtime_test_notify on public.items;
create trigger realtime_test_notify after insert or update or delete on public.items
  for each row execute function realtime_test.notify_change('user_id', 'item_id');
