-- TEST ONLY: what the auth stand-in (test/supabase/gateway/auth-store.ts) needs beyond the
-- bootstrap. It logs in as supabase_auth_admin, GoTrue's own role, but hashes passwords with
-- pgcrypto's crypt() where GoTrue hashes in Go, so that role needs the extensions schema.
-- test/supabase/stack.ts applies this to each stack's private copy of the database.
grant usage on schema extensions to supabase_auth_admin;
