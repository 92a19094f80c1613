#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the Supabase-side tests: plain Debian Postgres made to
# look like a Supabase project (test/supabase/bootstrap.sql), with supabase/migrations applied.
#
#   scripts/postgres-test-cluster.sh start     create/start the cluster, apply what is new; prints env
#   scripts/postgres-test-cluster.sh prove [FILE…]   start, then pg_prove (default: supabase/tests/database)
#   scripts/postgres-test-cluster.sh env       the connection settings, as shell exports
#   scripts/postgres-test-cluster.sh reset     drop and recreate the database, then start
#   scripts/postgres-test-cluster.sh stop      stop the cluster (its data stays)
#   scripts/postgres-test-cluster.sh drop      stop and delete the cluster
#
# `eval "$(scripts/postgres-test-cluster.sh env)"` sets PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE
# and VAULT_TEST_DB_URL (superuser), VAULT_TEST_DB_AUTHENTICATOR_URL (what PostgREST logs in as),
# VAULT_TEST_DB_AUTH_ADMIN_URL (GoTrue's role). Port: $VAULT_TEST_PG_PORT, default 54329.
#
# As root (CI): a Debian-managed cluster, `pg_createcluster 15 vaulttest`, run as user postgres.
# As anyone else: a private cluster under ~/.cache/vault-postgres-test made with initdb, so no
# sudo is needed once the packages are installed (best effort outside Debian: needs initdb,
# pg_ctl and pgTAP on PATH).
#
# Idempotent. Each migration file is applied once and recorded with its checksum; if an applied
# file has changed or gone, the database is recreated from scratch rather than left half-updated.
# The passwords are test-only and the cluster listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly PG_MAJOR=15 CLUSTER=vaulttest DB=vault_test
readonly PORT="${VAULT_TEST_PG_PORT:-54329}"
readonly SUPERUSER_PASSWORD=postgres
readonly PACKAGES="postgresql postgresql-${PG_MAJOR}-pgtap libtap-parser-sourcehandler-pgtap-perl"
readonly PRIVATE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/vault-postgres-test"

say() { echo "postgres-test-cluster: $*" >&2; }
die() {
  say "$*"
  exit 1
}
install_hint() {
  local sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo '
  echo "${sudo}apt-get update && ${sudo}apt-get install -y ${PACKAGES}"
}
is_root() { [ "$(id -u)" -eq 0 ]; }

# Every statement after creation goes over TCP as the superuser, the same from both modes.
export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres PGPASSWORD="$SUPERUSER_PASSWORD"
export PGOPTIONS='--client-min-messages=warning'
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

print_env() {
  local host="127.0.0.1:${PORT}/${DB}"
  cat <<ENV
export PGHOST=127.0.0.1 PGPORT=${PORT} PGDATABASE=${DB} PGUSER=postgres PGPASSWORD=${SUPERUSER_PASSWORD}
export VAULT_TEST_DB_URL=postgres://postgres:${SUPERUSER_PASSWORD}@${host}
export VAULT_TEST_DB_AUTHENTICATOR_URL=postgres://authenticator:authenticator@${host}
export VAULT_TEST_DB_AUTH_ADMIN_URL=postgres://supabase_auth_admin:supabase_auth_admin@${host}
ENV
}

# --- the cluster: Debian-managed as root, private otherwise ------------------------------------

# debian_cluster_has exists|online
debian_cluster_has() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  pg_lsclusters -h | awk -v v="$PG_MAJOR" -v c="$CLUSTER" -v want="$1" \
    '$1 == v && $2 == c && (want == "exists" || $4 == "online") { found = 1 } END { exit !found }'
}

private_bin() {
  local dir="/usr/lib/postgresql/${PG_MAJOR}/bin"
  if [ -x "$dir/initdb" ]; then echo "$dir"; else dirname "$(command -v initdb)"; fi
}

create_and_start_cluster() {
  if is_root; then
    command -v pg_createcluster >/dev/null 2>&1 && [ -x "/usr/lib/postgresql/${PG_MAJOR}/bin/postgres" ] ||
      die "PostgreSQL ${PG_MAJOR} is not installed. Run: $(install_hint)"
    if ! debian_cluster_has exists; then
      say "creating cluster ${PG_MAJOR}/${CLUSTER} on port ${PORT}"
      pg_createcluster "$PG_MAJOR" "$CLUSTER" -p "$PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
      # Throwaway data: durability only costs time here. wal_level as on Supabase (Realtime).
      for setting in 'fsync off' 'synchronous_commit off' 'full_page_writes off' 'wal_level logical'; do
        # shellcheck disable=SC2086 # two words on purpose: name and value
        pg_conftool -s "$PG_MAJOR" "$CLUSTER" set $setting
      done
    fi
    # 9>&-: the server must not inherit (and hold forever) this script's lock.
    debian_cluster_has online || pg_ctlcluster "$PG_MAJOR" "$CLUSTER" start 9>&-
    wait_until_ready
    # Peer login as the OS user postgres is the only way in until the password is set.
    runuser -u postgres -- env -u PGHOST -u PGPASSWORD psql -X -q -p "$PORT" -d postgres \
      -c "alter role postgres password '${SUPERUSER_PASSWORD}'"
  else
    command -v initdb >/dev/null 2>&1 || [ -x "/usr/lib/postgresql/${PG_MAJOR}/bin/initdb" ] ||
      die "PostgreSQL is not installed. Run: $(install_hint)"
    local bin data="$PRIVATE_DIR/data"
    bin=$(private_bin)
    if [ ! -f "$data/PG_VERSION" ]; then
      say "creating a private cluster in ${data} on port ${PORT}"
      mkdir -p "$PRIVATE_DIR" && chmod 700 "$PRIVATE_DIR"
      # The socket lives in the private 0700 folder, so trusting it trusts only this user.
      "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile=<(echo "$SUPERUSER_PASSWORD") >/dev/null
    fi
    if ! "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      "$bin/pg_ctl" -D "$data" -l "$PRIVATE_DIR/postgres.log" -w start \
        -o "-p ${PORT} -k ${PRIVATE_DIR} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=logical" >/dev/null 9>&-
    fi
    wait_until_ready
  fi
}

wait_until_ready() {
  for _ in $(seq 1 100); do
    pg_isready -q -h 127.0.0.1 -p "$PORT" && return
    sleep 0.1
  done
  die "the cluster did not accept connections on port ${PORT} within 10 s"
}

stop_cluster() {
  if is_root; then
    if debian_cluster_has online; then pg_ctlcluster "$PG_MAJOR" "$CLUSTER" stop; fi
  elif [ -f "$PRIVATE_DIR/data/postmaster.pid" ]; then
    "$(private_bin)/pg_ctl" -D "$PRIVATE_DIR/data" -w stop -m fast >/dev/null
  fi
  return 0
}

drop_cluster() {
  if is_root; then
    if debian_cluster_has exists; then pg_dropcluster --stop "$PG_MAJOR" "$CLUSTER"; fi
  else
    stop_cluster
    rm -rf "$PRIVATE_DIR"
  fi
}

# --- the database -------------------------------------------------------------------------------

# The bootstrap first, then the migrations in name (= timestamp) order, as the Supabase CLI does.
schema_files() {
  echo test/supabase/bootstrap.sql
  find supabase/migrations -maxdepth 1 -name '*.sql' | LC_ALL=C sort
}

recreate_database() {
  sql -d postgres -c "drop database if exists ${DB} with (force)" -c "create database ${DB}"
}

apply_schema() {
  [ "$(sql -d postgres -tAc "select count(*) from pg_database where datname = '${DB}'")" = 1 ] || recreate_database
  sql -d "$DB" -c 'create schema if not exists test_harness' \
    -c 'create table if not exists test_harness.applied_files (file text primary key, sha256 text not null)'

  local file sum applied current
  applied=$(sql -d "$DB" -tA -F ' ' -c 'select file, sha256 from test_harness.applied_files order by file')
  current=$(schema_files | while read -r file; do echo "$file $(sha256sum <"$file" | cut -c1-64)"; done)
  # Anything applied that is not exactly in the current list means the schema is stale.
  if [ -n "$applied" ] && [ -n "$(comm -23 <(echo "$applied" | sort) <(echo "$current" | sort))" ]; then
    say "an applied schema file changed or disappeared; recreating database ${DB}"
    recreate_database
    apply_schema
    return
  fi
  while read -r file sum; do
    grep -qxF "$file $sum" <<<"$applied" && continue
    say "applying ${file}"
    { cat "$file"; echo; echo "insert into test_harness.applied_files values ('${file}', '${sum}');"; } |
      sql -d "$DB" --single-transaction -f -
  done <<<"$current"
  # Test-only: pgTAP, if installed (the prove command insists on it).
  if [ "$(sql -d "$DB" -tAc "select count(*) from pg_available_extensions where name = 'pgtap'")" = 1 ]; then
    sql -d "$DB" -c 'create extension if not exists pgtap with schema extensions'
  fi
}

start() {
  create_and_start_cluster
  apply_schema
  say "ready: postgres://postgres:***@127.0.0.1:${PORT}/${DB}"
  print_env
}

prove() {
  command -v pg_prove >/dev/null 2>&1 || die "pg_prove is not installed. Run: $(install_hint)"
  start >/dev/null
  [ "$(sql -d "$DB" -tAc "select count(*) from pg_extension where extname = 'pgtap'")" = 1 ] ||
    die "pgTAP is not installed. Run: $(install_hint)"
  if [ "$#" -eq 0 ]; then
    mapfile -t files < <(find supabase/tests/database -maxdepth 1 -name '*.sql' | LC_ALL=C sort)
    set -- "${files[@]}"
  fi
  pg_prove -d "$DB" "$@"
}

# Two runs at once (parallel test workers, two terminals) would race to create the cluster.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/vault-postgres-test-${PORT}.lock"
  flock 9
fi

command="${1:-}"
[ "$#" -eq 0 ] || shift
case "$command" in
  start) start ;;
  prove) prove "$@" ;;
  env) print_env ;;
  reset)
    create_and_start_cluster
    recreate_database
    start
    ;;
  stop) stop_cluster ;;
  drop) drop_cluster ;;
  *) die "usage: $0 start|prove [FILE…]|env|reset|stop|drop" ;;
esac
