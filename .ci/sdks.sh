#!/usr/bin/env bash
# Prepares the harnesses that drive FeatBit's official server SDKs in Python, Java and Go
# (test/e2e/sdks/, run by test/e2e/sdks/official-sdks.e2e-spec.ts). Nothing here is a server.
#
#   .ci/sdks.sh up      install/build what is missing (PyPI, Maven Central, Go module proxy), cached
#   .ci/sdks.sh env     print the export lines for $INFRA_DIR/env.sh
#   .ci/sdks.sh status  which harnesses are ready
#   .ci/sdks.sh down    nothing runs between tests; kept for symmetry
#
# A harness whose SDK a registry does not serve is recorded with the reason
# (FEATBIT_SDK_<LANG>_UNAVAILABLE) and its e2e is skipped naming it; the Python SDK must install.
set -euo pipefail

INFRA_DIR=${INFRA_DIR:-/tmp/featbit-ts-infra}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/test/e2e/sdks
. "$(dirname "${BASH_SOURCE[0]}")/cache-root.sh"
CACHE=$(cache_root)
CACHE=$CACHE/sdks
STATE=$INFRA_DIR/sdks
PY_SDK_VERSION=1.2.1
mkdir -p "$CACHE" "$STATE"

say() { printf '[sdks] %s\n' "$*" >&2; }
# Build outputs are keyed by their sources, so an edited harness is rebuilt and an unchanged one is not.
digest() { cat "$@" | sha256sum | cut -c1-16; }
unavailable() {
  printf '%s\n' "$2" >"$STATE/$1.unavailable"
  say "$1 SDK unavailable: $2"
}

python_up() {
  local venv=$STATE/python
  rm -f "$STATE/python.unavailable"
  [[ -x $venv/bin/python && $(cat "$venv/.version" 2>/dev/null) == "$PY_SDK_VERSION" ]] && return 0
  say "installing fb-python-sdk $PY_SDK_VERSION"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --cache-dir "$CACHE/pip" "fb-python-sdk==$PY_SDK_VERSION"
  echo "$PY_SDK_VERSION" >"$venv/.version"
}

java_up() {
  local key out log
  key=$(digest "$SRC/java/pom.xml" "$SRC/java/src/main/java/Harness.java")
  out=$CACHE/java-$key
  rm -f "$STATE/java.unavailable"
  [[ -f $out/classes/Harness.class ]] && { echo "$out/classes:$out/lib/*" >"$STATE/java.cp"; return 0; }
  say "building the Java harness"
  rm -rf "$out" && mkdir -p "$out/classes"
  cp "$SRC/java/pom.xml" "$out/"
  log=$out/build.log
  # Maven only resolves the dependencies (into the cached local repository); javac compiles the one file.
  if ! (cd "$out" && timeout 300 mvn -B -q -Dmaven.repo.local="$CACHE/m2" \
    dependency:copy-dependencies -DoutputDirectory="$out/lib" -DincludeScope=runtime) >"$log" 2>&1; then
    local version
    version=$(sed -n 's:.*<featbit.sdk.version>\(.*\)</featbit.sdk.version>.*:\1:p' "$out/pom.xml")
    if grep -q 'co.featbit:featbit-java-sdk' "$log"; then
      unavailable java "Maven Central does not serve co.featbit:featbit-java-sdk:$version (not found; log: $log)"
    else
      unavailable java "Maven could not resolve the harness dependencies (log: $log)"
    fi
    rm -f "$STATE/java.cp"
    return 0
  fi
  javac -d "$out/classes" -cp "$out/lib/*" "$SRC/java/src/main/java/Harness.java" >>"$log" 2>&1 \
    || { say "javac failed: $(tail -5 "$log")"; return 1; }
  echo "$out/classes:$out/lib/*" >"$STATE/java.cp"
}

go_up() {
  local key out
  key=$(digest "$SRC/go/go.mod" "$SRC/go/main.go")
  out=$CACHE/go-$key
  rm -f "$STATE/go.unavailable"
  [[ -x $out/featbit-go-harness ]] && { echo "$out/featbit-go-harness" >"$STATE/go.bin"; return 0; }
  say "building the Go harness"
  rm -rf "$out" && mkdir -p "$out/src"
  cp "$SRC/go/go.mod" "$SRC/go/main.go" "$out/src/"
  # The harness pins the SDK in go.mod; go.sum is derived here so that the work tree stays untouched.
  if ! (cd "$out/src" && timeout 300 go mod tidy) >"$out/build.log" 2>&1; then
    local status
    status=$(grep -m1 -o '[0-9]\{3\} [A-Z][A-Za-z ]*' "$out/build.log" || echo 'failed')
    unavailable go "the Go module proxy refuses github.com/featbit/featbit-go-sdk ($status; log: $out/build.log)"
    rm -f "$STATE/go.bin"
    return 0
  fi
  (cd "$out/src" && go build -o "$out/featbit-go-harness" .) >>"$out/build.log" 2>&1 \
    || { say "go build failed: $(tail -5 "$out/build.log")"; return 1; }
  echo "$out/featbit-go-harness" >"$STATE/go.bin"
}

print_env() {
  [[ -x $STATE/python/bin/python ]] && echo "export FEATBIT_SDK_PY=$STATE/python/bin/python"
  [[ -f $STATE/java.cp ]] && echo "export FEATBIT_SDK_JAVA_CP='$(cat "$STATE/java.cp")'"
  [[ -f $STATE/go.bin ]] && echo "export FEATBIT_SDK_GO_BIN=$(cat "$STATE/go.bin")"
  local lang
  for lang in python java go; do
    if [[ -f $STATE/$lang.unavailable ]]; then
      printf 'export FEATBIT_SDK_%s_UNAVAILABLE=%q\n' "${lang^^}" "$(cat "$STATE/$lang.unavailable")"
    fi
  done
  true
}

show_status() {
  [[ -x $STATE/python/bin/python ]] && echo "sdk python: ready" || echo "sdk python: missing"
  local lang
  for lang in java go; do
    if [[ -f $STATE/$lang.unavailable ]]; then echo "sdk $lang: unavailable: $(cat "$STATE/$lang.unavailable")"
    elif [[ -f $STATE/$lang.cp || -f $STATE/$lang.bin ]]; then echo "sdk $lang: ready"
    else echo "sdk $lang: missing"; fi
  done
}

case "${1:-up}" in
  up)
    python_up
    java_up
    go_up
    show_status >&2
    ;;
  env) print_env ;;
  status) show_status ;;
  down) ;;
  *) echo "usage: $0 up|env|status|down" >&2; exit 2 ;;
esac
