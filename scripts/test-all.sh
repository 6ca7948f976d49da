#!/usr/bin/env bash
# The one command that runs every suite from a fresh clone: installs and starts the servers the
# tests need (apt, idempotent), installs npm packages (npm ci), then lint, type-check, build and
# the unit, integration and e2e Jest projects.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*"; }

step "test servers"
.ci/infra.sh up
# shellcheck disable=SC1091
. "${INFRA_DIR:-/tmp/featbit-ts-infra}/env.sh"

step "npm ci"
npm ci --no-audit --no-fund

step "lint"
npm run lint
npm run lint -w apps/admin-ui
npm run i18n:check -w apps/admin-ui

step "type-check"
npm run typecheck

step "build"
npm run build

# PGlite loads its WebAssembly through dynamic import(), which Jest's VM sandbox only allows with this flag.
export NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}"

# Each runner's counts are kept so the run ends on one closing line with the totals.
results="$(mktemp -d)"

# A failed Jest project ends the run with a digest of its failures and the end of each test
# server's log, since CI keeps only the end of the output.
jest_project() {
  local name=$1
  shift
  if npx jest --selectProjects "$name" --ci --json --outputFile="$results/$name.json" "$@"; then return 0; fi
  if [[ -f $results/$name.json ]]; then node scripts/test-failures.mjs "$results/$name.json" || true; fi
  .ci/infra.sh status || true
  local log
  for log in "${INFRA_DIR:-/tmp/featbit-ts-infra}"/{ferretdb.log,postgres/server.log,redis.log,kafka/*.log,clickhouse/log/error.log}; do
    [[ -s $log ]] || continue
    printf '\n--- last lines of %s\n' "$log"
    tail -n 8 "$log" 2>/dev/null | cut -c1-300 || true
  done
  return 1
}

step "unit tests"
jest_project unit

step "console component tests"
npm run test:ui 2>&1 | tee "$results/console.log"

step "integration tests"
jest_project integration --maxWorkers=2

step "e2e tests"
jest_project e2e --maxWorkers=2

step "all suites passed"
node scripts/test-totals.mjs "$results"
