#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server: a fresh data directory, a free
# loopback port, TEST_DATABASE_URL pointing at it; everything is removed afterwards.
#   e2e/tools/with-postgres.sh npx vitest run
set -euo pipefail

bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed: run e2e/tools/ensure-system-packages.sh" >&2; exit 1; }

workdir=$(mktemp -d /tmp/console-pg.XXXXXX)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# PostgreSQL refuses to run as root; root runs it as the postgres user.
run_pg=(); if [ "$(id -u)" -eq 0 ]; then chown postgres "$workdir"; run_pg=(runuser -u postgres --); fi

cleanup() {
  "${run_pg[@]}" "$bin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"${run_pg[@]}" "$bin/initdb" -D "$workdir/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${run_pg[@]}" "$bin/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c full_page_writes=off" start >/dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
