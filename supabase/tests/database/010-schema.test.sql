-- The shape of the sync schema: which tables, columns, policies and rights exist. The column
-- allow-list is the guard of invariant 1 (docs/security-design.md): a new column, or a type
-- change, must be reviewed here, because nothing in clear (title, URL, username, item type,
-- tag, device name) may ever get a column.
begin;
select plan(60);

select tables_are('public', array['accounts', 'vaults', 'items', 'devices', 'vault_log'],
  'public has exactly the sync tables');
select sequences_are('public', array['change_seq'], 'public has exactly one sequence, change_seq');

select results_eq(
  -- information_schema names sort with collation "C"; compare them as ordinary text.
  $$select table_name::text collate "default", column_name::text collate "default", data_type::text collate "default"
      from information_schema.columns where table_schema = 'public' order by 1, 2$$,
  $$values
    ('accounts', 'account_id', 'text'), ('accounts', 'box_public_key', 'text'),
    ('accounts', 'created_at', 'timestamp with time zone'), ('accounts', 'kdf', 'jsonb'),
    ('accounts', 'keyset_revision', 'bigint'), ('accounts', 'meta_revision', 'bigint'),
    ('accounts', 'sealed_keyset', 'text'), ('accounts', 'sealed_meta', 'text'), ('accounts', 'seq', 'bigint'),
    ('accounts', 'updated_at', 'timestamp with time zone'), ('accounts', 'user_id', 'uuid'),
    ('devices', 'created_at', 'timestamp with time zone'), ('devices', 'device_id', 'uuid'),
    ('devices', 'last_seen_at', 'timestamp with time zone'), ('devices', 'revoked_at', 'timestamp with time zone'),
    ('devices', 'sealed_name', 'text'), ('devices', 'session_id', 'uuid'), ('devices', 'user_id', 'uuid'),
    ('items', 'deleted', 'boolean'), ('items', 'item_id', 'uuid'), ('items', 'revision', 'bigint'),
    ('items', 'sealed', 'text'), ('items', 'seq', 'bigint'), ('items', 'updated_at', 'timestamp with time zone'),
    ('items', 'user_id', 'uuid'), ('items', 'vault_id', 'uuid'),
    ('vault_log', 'counter', 'bigint'), ('vault_log', 'created_at', 'timestamp with time zone'),
    ('vault_log', 'sealed', 'text'), ('vault_log', 'seq', 'bigint'), ('vault_log', 'user_id', 'uuid'),
    ('vault_log', 'vault_id', 'uuid'),
    ('vaults', 'created_at', 'timestamp with time zone'), ('vaults', 'revision', 'bigint'),
    ('vaults', 'sealed_key', 'text'), ('vaults', 'sealed_meta', 'text'), ('vaults', 'seq', 'bigint'),
    ('vaults', 'updated_at', 'timestamp with time zone'), ('vaults', 'user_id', 'uuid'), ('vaults', 'vault_id', 'uuid')$$,
  'every column is an id, a revision, a counter, a seq, a timestamp, a flag, a sealed envelope or the KDF record'
);

-- Every text column except the account id (6 symbols, checked) must hold base64 only: its
-- constraint calls private.is_base64.
select results_eq(
  $$select c.table_name::text || '.' || c.column_name::text
      from information_schema.columns c
     where c.table_schema = 'public' and c.data_type = 'text' and c.column_name <> 'account_id'
       and not exists (
         select from pg_constraint k
          where k.conrelid = format('public.%I', c.table_name)::regclass and k.contype = 'c'
            and pg_get_constraintdef(k.oid) like '%private.is_base64(' || c.column_name || ',%')
     order by 1$$,
  $$select null::text where false$$,
  'every envelope column is constrained to base64'
);

-- items: a live item must have its envelope; a tombstone carries its sealed marker (required
-- by put_item) but may lack one in rows written before markers (20261122140000).
select results_eq(
  $$select conname::text collate "default", pg_get_constraintdef(oid) collate "default"
      from pg_constraint where conrelid = 'public.items'::regclass and contype = 'c' order by 1$$,
  $$values ('items_live_has_sealed', 'CHECK ((deleted OR (sealed IS NOT NULL)))'),
           ('items_revision_positive', 'CHECK ((revision >= 1))'),
           ('items_sealed_base64', 'CHECK (private.is_base64(sealed, 16777216))')$$,
  'items has exactly its check constraints: positive revision, base64 envelope, a live item has one'
);

-- vault_log (20261122150000): counters start at 1, every entry is an envelope.
select results_eq(
  $$select conname::text collate "default", pg_get_constraintdef(oid) collate "default"
      from pg_constraint where conrelid = 'public.vault_log'::regclass and contype = 'c' order by 1$$,
  $$values ('vault_log_counter_positive', 'CHECK ((counter >= 1))'),
           ('vault_log_sealed_base64', 'CHECK (private.is_base64(sealed, 16777216))')$$,
  'vault_log has exactly its check constraints: positive counter, base64 envelope'
);

select ok(relrowsecurity, 'RLS is enabled on ' || relname)
  from pg_class where oid in ('public.accounts'::regclass, 'public.vaults'::regclass,
                              'public.items'::regclass, 'public.devices'::regclass,
                              'public.vault_log'::regclass)
 order by relname;

select policies_are('public', 'accounts', array['accounts_select_own'], 'accounts: one policy');
select policies_are('public', 'vaults', array['vaults_select_own'], 'vaults: one policy');
select policies_are('public', 'items', array['items_select_own'], 'items: one policy');
select policies_are('public', 'devices', array['devices_select_own'], 'devices: one policy');
select policies_are('public', 'vault_log', array['vault_log_select_own'], 'vault_log: one policy');

-- Each policy: SELECT only, for authenticated only, own rows only (the exact expression).
select results_eq(
  $$select tablename::text collate "default", cmd, roles::text[] collate "default", qual collate "default",
           with_check collate "default"
      from pg_policies where schemaname = 'public' order by tablename$$,
  $$values
    ('accounts', 'SELECT', array['authenticated'], '(( SELECT auth.uid() AS uid) = user_id)', null::text),
    ('devices', 'SELECT', array['authenticated'], '(( SELECT auth.uid() AS uid) = user_id)', null),
    ('items', 'SELECT', array['authenticated'], '(( SELECT auth.uid() AS uid) = user_id)', null),
    ('vault_log', 'SELECT', array['authenticated'], '(( SELECT auth.uid() AS uid) = user_id)', null),
    ('vaults', 'SELECT', array['authenticated'], '(( SELECT auth.uid() AS uid) = user_id)', null)$$,
  'each policy lets authenticated select its own rows and nothing else'
);

-- Rights: authenticated may only read; anon nothing; nobody draws from the sequence.
select table_privs_are('public', t, 'authenticated', array['SELECT'], 'authenticated may only select ' || t)
  from unnest(array['accounts', 'devices', 'items', 'vault_log', 'vaults']) t;
select table_privs_are('public', t, 'anon', array[]::text[], 'anon has no right on ' || t)
  from unnest(array['accounts', 'devices', 'items', 'vault_log', 'vaults']) t;
select sequence_privs_are('public', 'change_seq', 'authenticated', array[]::text[], 'authenticated cannot use change_seq');
select sequence_privs_are('public', 'change_seq', 'anon', array[]::text[], 'anon cannot use change_seq');

select functions_are('public',
  array['prelogin', 'put_account', 'change_credentials', 'put_vault', 'put_item', 'push_items', 'register_device',
        'touch_device', 'revoke_device'],
  'public has exactly the sync functions');

select function_privs_are('public', 'prelogin', array['text'], 'anon', array['EXECUTE'], 'anon may call prelogin');
select function_privs_are('public', 'prelogin', array['text'], 'authenticated', array['EXECUTE'],
  'authenticated may call prelogin');

-- Every other function: authenticated only. Checked for anon, authenticated and service_role.
select function_privs_are('public', f.name, f.args, r.role,
         case when r.role = 'authenticated' then array['EXECUTE'] else array[]::text[] end,
         r.role || (case when r.role = 'authenticated' then ' may' else ' may not' end) || ' call ' || f.name)
  from (values
         ('put_account', array['text', 'jsonb', 'bigint', 'text', 'text', 'bigint', 'text', 'bigint', 'bigint']),
         ('change_credentials', array['jsonb', 'bigint', 'text', 'bigint', 'text', 'bigint', 'bigint', 'text', 'text']),
         ('put_vault', array['uuid', 'bigint', 'bigint', 'text', 'text']),
         ('put_item', array['uuid', 'uuid', 'bigint', 'bigint', 'text', 'boolean']),
         ('push_items', array['uuid', 'bigint', 'text', 'jsonb']),
         ('register_device', array['uuid', 'text']),
         ('touch_device', array['uuid']),
         ('revoke_device', array['uuid'])
       ) as f(name, args)
 cross join (values ('anon'), ('authenticated'), ('service_role')) as r(role)
 order by f.name, r.role;

select results_eq(
  $$select p.proname::text collate "default", p.prosecdef, p.proconfig collate "default"
      from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1$$,
  $$select unnest(array['change_credentials', 'prelogin', 'push_items', 'put_account', 'put_item', 'put_vault',
                        'register_device', 'revoke_device', 'touch_device']), true, array['search_path=""']$$,
  'every public function is security definer with an empty search_path'
);

select schema_privs_are('private', 'authenticated', array[]::text[], 'authenticated cannot reach the private helpers');
select schema_privs_are('private', 'anon', array[]::text[], 'anon cannot reach the private helpers');

select results_eq(
  $$select tablename::text collate "default" from pg_publication_tables
     where pubname = 'supabase_realtime' and schemaname = 'public' order by 1$$,
  array['accounts', 'devices', 'items', 'vault_log', 'vaults'],
  'the sync tables are in the supabase_realtime publication'
);

select * from finish();
rollback;
