#!/usr/bin/env bash
# A current ClickHouse engine for the analytics SQL tests: chdb (ClickHouse in-process) from npm.
# Its native library is ~570 MB, so it is installed into a cache directory outside the repository and
# never into the project's node_modules; the tests load it from the path this script prints.
#
#   .ci/chdb.sh up      install (once per version) and check the engine answers
#   .ci/chdb.sh env     print the TEST_CHDB_MODULE export for the test environment
#   .ci/chdb.sh status  installed version and engine version
#   .ci/chdb.sh down    nothing to stop (the engine runs inside each test process)
#
# Knobs: CHDB_VERSION, INFRA_CACHE (/var/cache/featbit-ts-ci, or ~/.cache/featbit-ts-ci when not writable)
set -euo pipefail

CHDB_VERSION=${CHDB_VERSION:-3.4.0}
. "$(dirname "${BASH_SOURCE[0]}")/cache-root.sh"
DIR="$(cache_root)/chdb-$CHDB_VERSION"
MODULE="$DIR/node_modules/chdb"

say() { printf '[chdb] %s\n' "$*" >&2; }

# Prints the engine's version; fails when the package or its native library is missing or broken.
engine_version() {
  [[ -f $DIR/.complete ]] || return 1
  node -e "const { query } = require(process.argv[1]); process.stdout.write(query('SELECT version()', 'TSVRaw').trim())" \
    "$MODULE" 2>/dev/null
}

install() {
  engine_version >/dev/null && return 0
  say "installing chdb $CHDB_VERSION from npm into $DIR"
  local tmp="$DIR.partial"
  rm -rf "$tmp" "$DIR"
  mkdir -p "$tmp"
  echo '{ "name": "featbit-ts-chdb-cache", "private": true }' >"$tmp/package.json"
  # The platform library is an optional dependency: --include=optional keeps a global omit from dropping it.
  npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error --include=optional "chdb@$CHDB_VERSION" >&2
  mv "$tmp" "$DIR"
  touch "$DIR/.complete"
  engine_version >/dev/null || { say "chdb $CHDB_VERSION installed but its engine does not answer"; return 1; }
}

case "${1:-up}" in
  up)
    SECONDS=0
    install
    say "chdb $CHDB_VERSION ready: ClickHouse $(engine_version) in-process (${SECONDS}s)"
    ;;
  env) echo "export TEST_CHDB_MODULE=$MODULE" ;;
  status)
    if version=$(engine_version); then echo "chdb: $CHDB_VERSION installed (ClickHouse $version, in-process)"; else echo "chdb: not installed"; fi
    ;;
  down) ;; # in-process: nothing runs between tests
  *) echo "usage: $0 up|env|status|down" >&2; exit 2 ;;
esac
