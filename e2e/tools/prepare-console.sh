#!/usr/bin/env bash
# Starts the console under test: an empty PostgreSQL schema, staff added through the
# real CLI (`npm run staff`), then `next start`. Called by playwright.config.ts.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL must point at the throw-away PostgreSQL server}"
: "${E2E_PASSWORD:?}"
psql -q "$DATABASE_URL" -c "drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;" >/dev/null
for account in admin:admin agent:agent viewer:viewer disable-me:agent lock-me:viewer sign-out-me:viewer signed-out:admin brute-me:agent race-me:agent flood-me:agent flood-fixed:agent session-me:viewer; do
  npm run -s staff -- add --email "${account%%:*}@e2e.test" --role "${account##*:}" --password "$E2E_PASSWORD" >/dev/null
done
exec npx next start -p "$1" -H 127.0.0.1
