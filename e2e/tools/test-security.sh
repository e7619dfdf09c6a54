#!/usr/bin/env bash
# npm run test:security: the attack and fault suite alone (docs/security.md), against a
# fresh build of the console, the standalone sandbox and a throw-away PostgreSQL.
# `npm test` runs the same tests as part of the whole end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1
bash e2e/tools/ensure-system-packages.sh
npm run --silent build
E2E_SECURITY_ALONE=1 bash e2e/tools/with-postgres.sh npx playwright test --project=security "$@"
