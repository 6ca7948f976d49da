#!/usr/bin/env bash
# Docker Compose v2 for checking deploy/docker-compose.*.yml with `compose config` (no engine needed).
# Used only when a Docker client exists without its compose plugin: built once from the Go module
# proxy (github.com/docker/compose/v2) into a cache directory, never installed as a plugin.
#
#   .ci/compose.sh up      build (once per version) unless `docker compose` already works
#   .ci/compose.sh env     print the TEST_DOCKER_COMPOSE export for the test environment
#   .ci/compose.sh status  which compose the check uses
#   .ci/compose.sh down    nothing to stop
#
# Knobs: COMPOSE_VERSION, INFRA_CACHE (/var/cache/featbit-ts-ci, or ~/.cache/featbit-ts-ci when not writable)
set -euo pipefail

COMPOSE_VERSION=${COMPOSE_VERSION:-v2.29.7}
. "$(dirname "${BASH_SOURCE[0]}")/cache-root.sh"
DIR="$(cache_root)/compose-$COMPOSE_VERSION"
BIN="$DIR/docker-compose"

say() { printf '[compose] %s\n' "$*" >&2; }
plugin_works() { docker compose version >/dev/null 2>&1; }
cached() { [[ -x $BIN ]] && "$BIN" version >/dev/null 2>&1; }

up() {
  if ! command -v docker >/dev/null; then say "no Docker client: the compose file check will skip"; return 0; fi
  if plugin_works || cached; then return 0; fi
  command -v go >/dev/null || { say "no Go toolchain to build Docker Compose: the compose file check will skip"; return 0; }
  say "building Docker Compose $COMPOSE_VERSION from the Go module proxy (once; a few minutes)"
  rm -rf "$DIR.partial" && mkdir -p "$DIR.partial"
  GOBIN="$DIR.partial" go install -trimpath -ldflags "-s -w -X github.com/docker/compose/v2/internal.Version=$COMPOSE_VERSION" \
    "github.com/docker/compose/v2/cmd@$COMPOSE_VERSION"
  mv "$DIR.partial/cmd" "$DIR.partial/docker-compose"
  rm -rf "$DIR" && mv "$DIR.partial" "$DIR"
  say "$("$BIN" version)"
}

case "${1:-up}" in
  up) up ;;
  env) if ! plugin_works && cached; then echo "export TEST_DOCKER_COMPOSE=$BIN"; fi ;;
  status)
    if plugin_works; then echo "compose: $(docker compose version)"
    elif cached; then echo "compose: $("$BIN" version) (cached build)"
    else echo "compose: not available"; fi
    ;;
  down) ;;
  *) echo "usage: $0 up|env|status|down" >&2; exit 2 ;;
esac
