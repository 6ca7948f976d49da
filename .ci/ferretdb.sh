#!/usr/bin/env bash
# FerretDB (a real server speaking MongoDB's wire protocol) for the MongoDB tests, on its
# PostgreSQL backend: one database (ferretdb) on the project's PostgreSQL cluster.
#
#   .ci/ferretdb.sh up      build once (Go module proxy), create the database if missing, start
#   .ci/ferretdb.sh status  what is listening
#   .ci/ferretdb.sh down    stop what this script started
#
# Variables: INFRA_DIR (/tmp/featbit-ts-infra), INFRA_CACHE (/var/cache/featbit-ts-ci, else
# ~/.cache/featbit-ts-ci), MONGO_PORT (27017), PG_ADMIN_URL (a role on the project's cluster
# that may create a database; default: the one .ci/infra.sh starts).
#
# Why the PostgreSQL backend: on SQLite each single-document write costs about 12 ms (300 upserts
# take 3.8 s), on PostgreSQL about 1 ms, and the contract suite's batch tests need the latter.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
INFRA_DIR=${INFRA_DIR:-/tmp/featbit-ts-infra}
MONGO_PORT=${MONGO_PORT:-27017}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://featbit:featbit@127.0.0.1:15432/postgres}
FERRETDB_DATABASE=ferretdb
STATE_DIR=$INFRA_DIR/ferretdb
PID_FILE=$INFRA_DIR/ferretdb.pid

. "$(dirname "${BASH_SOURCE[0]}")/cache-root.sh"
CACHE=$(cache_root)/ferretdb-$FERRETDB_VERSION
BIN=$CACHE/ferretdb

say() { printf '[ferretdb] %s\n' "$*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running() { [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

# Go 1.24+ (FerretDB's go.mod); the machines ship one, else the toolchain module from the Go proxy.
go_bin() {
  if command -v go >/dev/null && go version | grep -Eq 'go1\.(2[4-9]|[3-9][0-9])'; then
    command -v go
    return
  fi
  local toolchain=$CACHE/../go-toolchain-1.24.3
  if [[ ! -x $toolchain/bin/go ]]; then
    say "fetching the Go 1.24.3 toolchain module from the Go proxy"
    local zip
    zip=$(mktemp)
    curl -fsSL -o "$zip" https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.24.3.linux-amd64.zip
    rm -rf "$toolchain.tmp" && mkdir -p "$toolchain.tmp"
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$toolchain.tmp"
    rm -f "$zip"
    chmod -R u+x "$toolchain.tmp"/golang.org/toolchain@*/bin "$toolchain.tmp"/golang.org/toolchain@*/pkg/tool
    rm -rf "$toolchain" && mv "$toolchain.tmp"/golang.org/toolchain@* "$toolchain" && rm -rf "$toolchain.tmp"
  fi
  echo "$toolchain/bin/go"
}

# `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start: the module lacks
# build/version/version.txt, which FerretDB's release tooling writes. So the same module source
# is downloaded with `go mod download`, given that file, and built.
build() {
  [[ -x $BIN ]] && "$BIN" --version 2>/dev/null | grep -qx "version: $FERRETDB_VERSION" && return 0
  local go work src started=$SECONDS
  go=$(go_bin)
  work=$(mktemp -d "$(dirname "$CACHE")/ferretdb-build.XXXXXX")
  say "building FerretDB $FERRETDB_VERSION (once; cached in $CACHE)"
  export GOMODCACHE=$work/mod GOCACHE=$work/cache GOFLAGS=-buildvcs=false GOTOOLCHAIN=local CGO_ENABLED=0
  src=$("$go" mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" 2>/dev/null |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')
  cp -r "$src" "$work/src" && chmod -R u+w "$work/src"
  echo "$FERRETDB_VERSION" >"$work/src/build/version/version.txt"
  if ! (cd "$work/src" && "$go" build -trimpath -o "$work/ferretdb" ./cmd/ferretdb) >"$work/build.log" 2>&1; then
    tail -20 "$work/build.log" >&2
    chmod -R u+w "$work" && rm -rf "$work"
    say "build failed"
    return 1
  fi
  mkdir -p "$CACHE" && mv "$work/ferretdb" "$BIN"
  chmod -R u+w "$work" && rm -rf "$work"
  say "built in $((SECONDS - started))s"
}

create_database() {
  local exists
  exists=$(psql "$PG_ADMIN_URL" -qtAX -c "SELECT 1 FROM pg_database WHERE datname = '$FERRETDB_DATABASE'")
  [[ $exists == 1 ]] || psql "$PG_ADMIN_URL" -qtAX -c "CREATE DATABASE $FERRETDB_DATABASE" >/dev/null
}

up() {
  if running; then return 0; fi
  if listening "$MONGO_PORT"; then
    say "port $MONGO_PORT is taken by a server this script did not start; stop it or set MONGO_PORT"
    return 1
  fi
  build
  create_database
  local pg_url
  pg_url=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' \
    "$PG_ADMIN_URL" "$FERRETDB_DATABASE")
  mkdir -p "$STATE_DIR"
  # Loopback only, no telemetry, no debug HTTP listener; state (instance id) under INFRA_DIR.
  # Every refused duplicate key is logged as an ERROR (SQLSTATE 23505): those lines are dropped,
  # a 100,000-event re-insert would otherwise write 100 MB.
  nohup "$BIN" --handler=postgresql --postgresql-url="$pg_url" --listen-addr="127.0.0.1:$MONGO_PORT" \
    --state-dir="$STATE_DIR" --telemetry=disable --debug-addr=- --log-level=WARN --log-format=text \
    > >(grep --line-buffered -v 'SQLSTATE 23505' >"$INFRA_DIR/ferretdb.log") 2>&1 &
  echo $! >"$PID_FILE"
  local tries=150
  until listening "$MONGO_PORT"; do
    if ! running || ((--tries <= 0)); then
      say "FerretDB did not start; see $INFRA_DIR/ferretdb.log"
      tail -5 "$INFRA_DIR/ferretdb.log" >&2 || true
      return 1
    fi
    sleep 0.1
  done
  say "FerretDB $FERRETDB_VERSION (PostgreSQL backend, database $FERRETDB_DATABASE) on 127.0.0.1:$MONGO_PORT"
}

down() {
  if running; then kill "$(cat "$PID_FILE")" && say "stopped"; fi
  rm -f "$PID_FILE"
}

status() {
  if running; then echo "ferretdb: listening on $MONGO_PORT (pid $(cat "$PID_FILE"))"
  elif listening "$MONGO_PORT"; then echo "ferretdb: port $MONGO_PORT taken by another server"
  else echo "ferretdb: down"; fi
}

mkdir -p "$INFRA_DIR"
case "${1:-up}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
