#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the tests: installs it from Debian's packages when missing,
# starts the cluster, and creates the role `boards` (password `boards`, may create databases)
# and its database `boards`. Prints the URL the tests use. Loopback only.
# Usage: bash scripts/postgres-up.sh   (as root, or as a user who may run pg_ctlcluster)
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "Installing PostgreSQL..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
fi

# The newest installed cluster (Debian makes `main` when the package is installed).
read -r version cluster port status _ < <(pg_lsclusters --no-header | sort -k1,1n | tail -n 1)
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  pg_createcluster "$version" main >&2
  cluster=main
  port=5432
  status=down
fi
# The server outlives this script: it must not inherit the caller's open files (a `flock` lock
# taken around the tests would otherwise stay held for as long as PostgreSQL runs).
start_detached() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done
    exec "$@"
  )
}
if [ "$status" != "online" ]; then
  start_detached pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi
}
as_postgres psql -p "$port" -qtAX -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'boards') THEN
    CREATE ROLE boards LOGIN PASSWORD 'boards' CREATEDB;
  END IF;
END \$\$;
-- Dropping a test database WITH (FORCE) ends its connections, an autovacuum worker's included,
-- which takes this role.
GRANT pg_signal_backend TO boards;
SQL
if ! as_postgres psql -p "$port" -qtAX -c "SELECT 1 FROM pg_database WHERE datname = 'boards'" | grep -q 1; then
  as_postgres createdb -p "$port" -O boards boards
fi
echo "postgres://boards:boards@127.0.0.1:${port}/boards"
