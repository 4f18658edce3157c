#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and benchmarks (as root: the server runs as
# the postgres user). Prints the DATABASE_URL. Usage: scripts/pg-throwaway.sh start|stop DIR [PORT]
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?directory}; port=${3:-55433}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    # Take the first free port from the one asked for, so a server left running elsewhere does not stop the run.
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_pg "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$PGBIN/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c max_connections=200" -l "$dir/log" -w start >/dev/null; then
      cat "$dir/log" >&2; exit 1
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
esac
