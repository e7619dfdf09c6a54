#!/usr/bin/env bash
# npm test: everything, in the order that fails fastest. Installs Debian's Chromium and
# PostgreSQL first when the machine lacks them.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$*"; }

step "System packages (Chromium, PostgreSQL)"
bash e2e/tools/ensure-system-packages.sh

step "Lint (ESLint, type-aware)"
npm run --silent lint

step "Typecheck"
npm run --silent typecheck

step "Unit and database tests (PGlite and a throw-away PostgreSQL)"
bash e2e/tools/with-postgres.sh npx vitest run

step "Build"
npm run --silent build

step "End-to-end tests (Playwright, Debian Chromium)"
bash e2e/tools/with-postgres.sh npx playwright test
