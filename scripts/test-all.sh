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

step "unit tests"
npx jest --selectProjects unit --ci --json --outputFile="$results/unit.json"

step "console component tests"
npm run test:ui 2>&1 | tee "$results/console.log"

step "integration tests"
npx jest --selectProjects integration --ci --maxWorkers=2 --json --outputFile="$results/integration.json"

step "e2e tests"
npx jest --selectProjects e2e --ci --maxWorkers=2 --json --outputFile="$results/e2e.json"

step "all suites passed"
node scripts/test-totals.mjs "$results"
