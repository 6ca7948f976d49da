#!/usr/bin/env bash
# Installs (Debian packages only) and starts on loopback every server the test suites talk to.
# Idempotent: what is installed is not reinstalled, what is listening is not restarted.
#
#   .ci/infra.sh up      install + start, then write $INFRA_DIR/env.sh (TEST_* variables)
#   .ci/infra.sh status  what is listening
#   .ci/infra.sh down    stop what this script started
#
# Knobs: INFRA_DIR (/tmp/featbit-ts-infra), WITH_BROWSER=1, WITH_CLICKHOUSE=1, WITH_KAFKA=1, WITH_MONGO=1,
#        WITH_SCHEMATHESIS=1 (PyPI, into a venv under $INFRA_DIR)
set -euo pipefail

INFRA_DIR=${INFRA_DIR:-/tmp/featbit-ts-infra}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WITH_BROWSER=${WITH_BROWSER:-1}
WITH_CLICKHOUSE=${WITH_CLICKHOUSE:-1}
WITH_KAFKA=${WITH_KAFKA:-1}
WITH_MONGO=${WITH_MONGO:-1}
WITH_SCHEMATHESIS=${WITH_SCHEMATHESIS:-1}
WITH_CHDB=${WITH_CHDB:-1} # current ClickHouse engine in-process (npm, cached): .ci/chdb.sh
SCHEMATHESIS_VERSION=4.32.5
PG_PORT=5432 REDIS_PORT=6379 CH_PORT=8123 CH_TCP_PORT=9000 KAFKA_PORT=9092 MONGO_PORT=27017
mkdir -p "$INFRA_DIR"

say() { printf '[infra] %s\n' "$*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
await_port() {
  local port=$1 tries=${2:-150}
  until listening "$port"; do
    tries=$((tries - 1))
    if ((tries <= 0)); then say "nothing is listening on $port"; return 1; fi
    sleep 0.1
  done
}
running() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  # gcc: the bench smoke test compiles the C floor server (bench/els/floor-server.c).
  local wanted=(postgresql redis-server gcc) missing=()
  ((WITH_CLICKHOUSE)) && wanted+=(clickhouse-server clickhouse-client)
  ((WITH_KAFKA)) && wanted+=(kcat socat)
  ((WITH_MONGO)) && wanted+=(python3-mockupdb python3-mongomock python3-bson-ext)
  ((WITH_BROWSER)) && wanted+=(chromium)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_postgres() {
  if ! listening $PG_PORT; then
    local version
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q . || as_root pg_createcluster "$version" main >/dev/null
    as_root pg_ctlcluster "$version" main start
    echo "$version" >"$INFRA_DIR/postgres.version"
    await_port $PG_PORT
  fi
  # Tests connect as postgres/postgres over TCP whatever the local auth method is.
  (cd / && as_root su postgres -c "psql -qtA -c \"ALTER USER postgres PASSWORD 'postgres'\"") >/dev/null
}

start_redis() {
  listening $REDIS_PORT && return 0
  mkdir -p "$INFRA_DIR/redis"
  redis-server --bind 127.0.0.1 --port $REDIS_PORT --daemonize yes --dir "$INFRA_DIR/redis" \
    --pidfile "$INFRA_DIR/redis.pid" --logfile "$INFRA_DIR/redis.log" --save '' --appendonly no
  await_port $REDIS_PORT
}

start_clickhouse() {
  listening $CH_PORT && return 0
  local dir="$INFRA_DIR/clickhouse"
  mkdir -p "$dir"/{data,tmp,user_files,schemas,log}
  cat >"$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>50M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host><http_port>$CH_PORT</http_port><tcp_port>$CH_TCP_PORT</tcp_port>
  <max_connections>200</max_connections><max_concurrent_queries>40</max_concurrent_queries>
  <mark_cache_size>134217728</mark_cache_size><uncompressed_cache_size>134217728</uncompressed_cache_size>
  <path>$dir/data/</path><tmp_path>$dir/tmp/</tmp_path><user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/schemas/</format_schema_path><users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile><default_database>default</default_database>
  <timezone>UTC</timezone><mlock_executable>false</mlock_executable>
</yandex>
XML
  cat >"$dir/users.xml" <<'XML'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage><allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  (cd "$dir" && exec nohup /usr/sbin/clickhouse-server --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1) &
  echo $! >"$INFRA_DIR/clickhouse.pid"
  await_port $CH_PORT 300
}

# No Kafka broker is installable here: librdkafka's mock cluster (hosted by a kcat consumer)
# speaks the Kafka protocol on a random port; socat gives it the fixed bootstrap port.
start_kafka_mock() {
  if ! running "$INFRA_DIR/kafka-mock.pid"; then
    : >"$INFRA_DIR/kafka-mock.log"
    kcat -b 127.0.0.1:1 -C -t __keepalive -X test.mock.num.brokers=1 >/dev/null 2>"$INFRA_DIR/kafka-mock.log" &
    echo $! >"$INFRA_DIR/kafka-mock.pid"
    local tries=100
    until grep -q 'replaced with 127.0.0.1:' "$INFRA_DIR/kafka-mock.log" || ((--tries == 0)); do sleep 0.1; done
    if running "$INFRA_DIR/kafka-proxy.pid"; then kill "$(cat "$INFRA_DIR/kafka-proxy.pid")" || true; fi
    rm -f "$INFRA_DIR/kafka-proxy.pid"
    sleep 0.2
  fi
  local mock_port
  mock_port=$(grep -o 'replaced with 127.0.0.1:[0-9]*' "$INFRA_DIR/kafka-mock.log" | head -1 | cut -d: -f2)
  [[ -n $mock_port ]] || { say "the Kafka mock cluster did not report its port"; return 1; }
  if ! running "$INFRA_DIR/kafka-proxy.pid"; then
    if listening $KAFKA_PORT; then say "port $KAFKA_PORT is taken by something else"; return 1; fi
    socat TCP-LISTEN:$KAFKA_PORT,bind=127.0.0.1,reuseaddr,fork TCP:127.0.0.1:"$mock_port" >/dev/null 2>&1 &
    echo $! >"$INFRA_DIR/kafka-proxy.pid"
  fi
  await_port $KAFKA_PORT
}

# No mongod is installable here: a MongoDB wire-protocol stand-in (mockupdb + mongomock).
start_mongo_standin() {
  listening $MONGO_PORT && return 0
  nohup /usr/bin/python3 "$ROOT/.ci/mongo-standin.py" $MONGO_PORT >"$INFRA_DIR/mongo-standin.log" 2>&1 &
  echo $! >"$INFRA_DIR/mongo-standin.pid"
  await_port $MONGO_PORT
}

# The API fuzz campaign (test/e2e/api/schemathesis.e2e-spec.ts); reinstalled only when the pinned version changes.
install_schemathesis() {
  local venv="$INFRA_DIR/schemathesis"
  [[ -x $venv/bin/st && $(cat "$venv/.version" 2>/dev/null) == "$SCHEMATHESIS_VERSION" ]] && return 0
  say "installing schemathesis $SCHEMATHESIS_VERSION"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  echo "$SCHEMATHESIS_VERSION" >"$venv/.version"
}

write_env() {
  {
    echo "export TEST_POSTGRES_URL=postgres://postgres:postgres@127.0.0.1:$PG_PORT/postgres"
    echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
    ((WITH_CLICKHOUSE)) && echo "export TEST_CLICKHOUSE_URL=http://127.0.0.1:$CH_PORT"
    ((WITH_KAFKA)) && echo "export TEST_KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
    ((WITH_MONGO)) && echo "export TEST_MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT"
    ((WITH_BROWSER)) && echo "export CHROMIUM_PATH=/usr/bin/chromium"
    ((WITH_SCHEMATHESIS)) && echo "export SCHEMATHESIS_BIN=$INFRA_DIR/schemathesis/bin/st"
    ((WITH_CHDB)) && "$ROOT/.ci/chdb.sh" env
    true
  } >"$INFRA_DIR/env.sh"
}

stop_all() {
  for name in mongo-standin kafka-proxy kafka-mock clickhouse redis; do
    if running "$INFRA_DIR/$name.pid"; then kill "$(cat "$INFRA_DIR/$name.pid")" && say "stopped $name"; fi
    rm -f "$INFRA_DIR/$name.pid"
  done
  if [[ -f $INFRA_DIR/postgres.version ]]; then
    as_root pg_ctlcluster "$(cat "$INFRA_DIR/postgres.version")" main stop && say "stopped postgres"
    rm -f "$INFRA_DIR/postgres.version"
  fi
}

show_status() {
  for entry in postgres:$PG_PORT redis:$REDIS_PORT clickhouse:$CH_PORT kafka:$KAFKA_PORT mongo:$MONGO_PORT; do
    if listening "${entry#*:}"; then echo "${entry%%:*}: listening on ${entry#*:}"; else echo "${entry%%:*}: down"; fi
  done
}

case "${1:-up}" in
  up)
    SECONDS=0
    install_missing
    start_postgres && say "postgres ready"
    start_redis && say "redis ready"
    if ((WITH_CLICKHOUSE)); then start_clickhouse && say "clickhouse ready"; fi
    if ((WITH_KAFKA)); then start_kafka_mock && say "kafka stand-in ready"; fi
    if ((WITH_MONGO)); then start_mongo_standin && say "mongo stand-in ready"; fi
    if ((WITH_SCHEMATHESIS)); then install_schemathesis && say "schemathesis ready"; fi
    if ((WITH_CHDB)); then "$ROOT/.ci/chdb.sh" up; fi
    write_env
    say "up in ${SECONDS}s (variables in $INFRA_DIR/env.sh)"
    ;;
  status)
    show_status
    if ((WITH_CHDB)); then "$ROOT/.ci/chdb.sh" status; fi
    ;;
  down)
    stop_all
    if ((WITH_CHDB)); then "$ROOT/.ci/chdb.sh" down; fi
    ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
