-- TEST ONLY: makes a plain PostgreSQL 15 database look like a Supabase project's, enough for
-- supabase/migrations to apply unchanged and for PostgREST plus the auth stand-in to run on it.
-- Modelled on supabase/postgres (migrations/db/init-scripts/00000000000000-initial-schema.sql,
-- …01-auth-schema.sql) and supabase/auth's migrations, reduced to what this project touches.
-- Idempotent: safe to run on every start. Run as a superuser (postgres), the role that then
-- applies the migrations, so that the default privileges below cover the objects they create.
-- The passwords are for throwaway test clusters only.

-- Roles. anon and authenticated are noinherit like Supabase's: rights come from grants to them,
-- never from a role they happen to be members of.
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- PostgREST logs in as authenticator and switches to the JWT's role per request.
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  -- GoTrue's own login; owns the auth schema as on a real project.
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin login noinherit createrole;
  end if;
end
$$;

alter role authenticator password 'authenticator';
alter role supabase_auth_admin password 'supabase_auth_admin';
alter role supabase_auth_admin set search_path = auth;
grant anon, authenticated, service_role to authenticator;

-- Supabase's per-role statement timeouts: a runaway API query fails instead of hanging.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Extensions live in their own schema, on every role's search path (as Supabase sets it).
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
do $$
begin
  execute format('alter database %I set search_path = "$user", public, extensions', current_database());
end
$$;

-- public: the API roles get every right by default, so RLS (and each migration's explicit
-- revokes) are what actually limit them. This is the trap our migrations must close.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;

-- auth: GoTrue's schema, with the column names and types GoTrue uses (a subset of them).
create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to postgres;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);

create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz,
  updated_at timestamptz,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

-- user_id is varchar(255) in GoTrue too. Deleting a session deletes its refresh tokens.
create table if not exists auth.refresh_tokens (
  instance_id uuid,
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);

do $$
begin
  alter table auth.users owner to supabase_auth_admin;
  alter table auth.sessions owner to supabase_auth_admin;
  alter table auth.refresh_tokens owner to supabase_auth_admin;
  alter sequence auth.refresh_tokens_id_seq owner to supabase_auth_admin;
end
$$;

-- The API roles never read auth tables; the migration role (postgres) may, as on Supabase,
-- which lets a security definer function such as revoke_device delete a session.
revoke all on auth.users, auth.sessions, auth.refresh_tokens from anon, authenticated;
grant all on auth.users, auth.sessions, auth.refresh_tokens to postgres, service_role;
grant all on sequence auth.refresh_tokens_id_seq to postgres, service_role;

-- The claim readers, as in supabase/auth's 20211202183645_update_auth_uid and
-- 20220531120530_add_auth_jwt_function. PostgREST sets request.jwt.claims per request.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

do $$
begin
  alter function auth.uid() owner to supabase_auth_admin;
  alter function auth.role() owner to supabase_auth_admin;
  alter function auth.email() owner to supabase_auth_admin;
  alter function auth.jwt() owner to supabase_auth_admin;
end
$$;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- Realtime's publication exists, empty, on every project; migrations add their tables to it.
do $$
begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;
