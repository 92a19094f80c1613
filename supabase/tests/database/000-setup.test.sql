-- Test helpers, installed once per database and kept (no rollback): every other file here uses
-- them. The files run in name order (pg_prove through scripts/postgres-test-cluster.sh prove,
-- or `supabase test db`), so this one comes first. Nothing here is part of a migration.
-- The helpers play GoTrue and PostgREST: make users and sessions, then switch to the role and
-- JWT claims a request would carry, exactly as PostgREST does with set_config(…, true).

create extension if not exists pgtap with schema extensions;

create schema if not exists tests;
grant usage on schema tests to anon, authenticated;

-- A user as GoTrue stores one. Call as the superuser (before authenticate_as, or after
-- clear_authentication): the API roles may not write auth tables, here as anywhere.
create or replace function tests.create_user(p_email text) returns uuid
language sql set search_path = ''
as $$
  insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (gen_random_uuid(), 'authenticated', 'authenticated', p_email, '{}', '{}', now(), now())
  returning id
$$;

-- A sign-in: a session and its first refresh token. Superuser only, like create_user.
create or replace function tests.create_session(p_user uuid) returns uuid
language plpgsql set search_path = ''
as $$
declare
  session uuid := gen_random_uuid();
begin
  insert into auth.sessions (id, user_id, created_at, updated_at) values (session, p_user, now(), now());
  insert into auth.refresh_tokens (token, user_id, session_id, revoked, created_at, updated_at)
  values (encode(extensions.gen_random_bytes(18), 'hex'), p_user::text, session, false, now(), now());
  return session;
end
$$;

-- Act as that user in that session until the transaction ends (or clear_authentication).
-- p_session null: a token without a session_id claim.
create or replace function tests.authenticate_as(p_user uuid, p_session uuid) returns void
language plpgsql
as $$
begin
  perform set_config('request.jwt.claims', json_strip_nulls(json_build_object(
    'sub', p_user, 'role', 'authenticated', 'aud', 'authenticated', 'session_id', p_session))::text, true);
  perform set_config('role', 'authenticated', true);
end
$$;

create or replace function tests.authenticate_as_anon() returns void
language plpgsql
as $$
begin
  perform set_config('request.jwt.claims', '{"role":"anon"}', true);
  perform set_config('role', 'anon', true);
end
$$;

-- Back to the superuser that runs the tests, to arrange or inspect state.
create or replace function tests.clear_authentication() returns void
language plpgsql
as $$
begin
  perform set_config('request.jwt.claims', '', true);
  perform set_config('role', 'none', true);
end
$$;

-- A distinct, valid base64 string standing in for a sealed envelope.
create or replace function tests.sealed(p_label text) returns text
language sql immutable
as $$
  select translate(encode(convert_to('sealed:' || p_label, 'UTF8'), 'base64'), E'\n', '')
$$;

-- A valid KDF record like the client's (the server does not interpret it).
create or replace function tests.kdf(p_salt text default 'c2FsdHNhbHRzYWx0c2FsdA==') returns jsonb
language sql immutable
as $$
  select jsonb_build_object('v', 1, 'alg', 'argon2id13', 'memlimitBytes', 268435456, 'opslimit', 3, 'salt', p_salt)
$$;

-- The role switchers and value makers run while acting as anon or authenticated.
revoke all on all functions in schema tests from public;
grant execute on function tests.authenticate_as(uuid, uuid), tests.authenticate_as_anon(),
  tests.clear_authentication(), tests.sealed(text), tests.kdf(text) to anon, authenticated;

begin;
select plan(1);
select has_function('tests', 'authenticate_as', array['uuid', 'uuid'], 'the test helpers are installed');
select * from finish();
rollback;
