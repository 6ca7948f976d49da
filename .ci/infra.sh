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
WITH_KAFKA=${WITH_KAFKA:-1} # Apache Kafka (Maven Central, cached): .ci/kafka.sh
WITH_MONGO=${WITH_MONGO:-1} # FerretDB (Go module proxy, cached) on the project's PostgreSQL: .ci/ferretdb.sh
WITH_SCHEMATHESIS=${WITH_SCHEMATHESIS:-1}
WITH_CHDB=${WITH_CHDB:-1} # current ClickHouse engine in-process (npm, cached): .ci/chdb.sh
WITH_COMPOSE=${WITH_COMPOSE:-1} # Docker Compose v2 for the deploy/ file check (Go proxy, cached): .ci/compose.sh
WITH_SDKS=${WITH_SDKS:-1} # FeatBit server SDK harnesses in Python/Java/Go (PyPI, Maven Central, Go proxy): .ci/sdks.sh
SCHEMATHESIS_VERSION=4.32.5
PG_PORT=15432 REDIS_PORT=6379 CH_PORT=8123 CH_TCP_PORT=9000 KAFKA_PORT=9092 MONGO_PORT=27017
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
  # gcc: the bench smoke test compiles the C floor server (bench/els/floor-server.c); socat: the
  # tests' cuttable TCP proxies.
  local wanted=(postgresql redis-server gcc socat) missing=()
  ((WITH_CLICKHOUSE)) && wanted+=(clickhouse-server clickhouse-client)
  # A CJK font so that the Chinese console renders (and its screenshots show text, not boxes).
  ((WITH_BROWSER)) && wanted+=(chromium fonts-wqy-microhei)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The project's own PostgreSQL cluster: data in $INFRA_DIR/postgres, port PG_PORT (below the ephemeral
# range), superuser featbit created with its password by initdb. Whatever else runs (e.g. a system
# cluster on 5432) is never touched. PG_ADMIN_URL is for other servers that need a database here.
PG_USER=featbit PG_PASSWORD=featbit
PG_ADMIN_URL="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres"
pg_bin() { echo "/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin/$1"; }
# initdb and postgres refuse to run as root.
as_pg_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  local dir="$INFRA_DIR/postgres" data="$INFRA_DIR/postgres/data" major
  if [[ -f $data/postmaster.pid ]] && as_pg_owner "$(pg_bin pg_ctl)" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  if listening "$PG_PORT"; then say "port $PG_PORT is taken by a server this script did not start"; return 1; fi
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  major=$(ls /usr/lib/postgresql | sort -n | tail -1)
  # Test data only: a cluster of another major version (Debian upgraded) is recreated.
  if [[ -f $data/PG_VERSION && $(cat "$data/PG_VERSION") != "$major" ]]; then rm -rf "$data"; fi
  if [[ ! -f $data/PG_VERSION ]]; then
    as_pg_owner sh -c 'umask 077 && printf "%s\n" "$1" >"$2"' _ "$PG_PASSWORD" "$dir/pwfile"
    as_pg_owner "$(pg_bin initdb)" -D "$data" -U "$PG_USER" --pwfile="$dir/pwfile" -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log"
    rm -f "$dir/pwfile"
  fi
  # log_min_messages=log: client errors are not logged. The tests provoke hundreds of thousands
  # on purpose (duplicate keys, also through FerretDB), which wrote 160 MB per run to the log.
  as_pg_owner "$(pg_bin pg_ctl)" -D "$data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir -c max_connections=200 -c log_min_messages=log" >/dev/null
  await_port "$PG_PORT"
}

stop_postgres() {
  local data="$INFRA_DIR/postgres/data"
  [[ -f $data/postmaster.pid ]] || return 0
  as_pg_owner "$(pg_bin pg_ctl)" -D "$data" -m fast -w stop >/dev/null && say "stopped postgres"
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
    echo "export TEST_POSTGRES_URL=$PG_ADMIN_URL"
    echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
    ((WITH_CLICKHOUSE)) && echo "export TEST_CLICKHOUSE_URL=http://127.0.0.1:$CH_PORT"
    ((WITH_KAFKA)) && echo "export TEST_KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
    ((WITH_MONGO)) && echo "export TEST_MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT"
    ((WITH_BROWSER)) && echo "export CHROMIUM_PATH=/usr/bin/chromium"
    ((WITH_SCHEMATHESIS)) && echo "export SCHEMATHESIS_BIN=$INFRA_DIR/schemathesis/bin/st"
    ((WITH_CHDB)) && "$ROOT/.ci/chdb.sh" env
    ((WITH_COMPOSE)) && "$ROOT/.ci/compose.sh" env
    ((WITH_SDKS)) && INFRA_DIR=$INFRA_DIR "$ROOT/.ci/sdks.sh" env
    true
  } >"$INFRA_DIR/env.sh"
}

stop_all() {
  # kafka-proxy/kafka-mock/mongo-standin: stand-ins of earlier versions, should one still run.
  for name in mongo-standin kafka-proxy kafka-mock clickhouse redis; do
    if running "$INFRA_DIR/$name.pid"; then kill "$(cat "$INFRA_DIR/$name.pid")" && say "stopped $name"; fi
    rm -f "$INFRA_DIR/$name.pid"
  done
  stop_postgres
  # A Debian cluster that earlier versions of this script started (recorded in this file).
  if [[ -f $INFRA_DIR/postgres.version ]]; then
    as_root pg_ctlcluster "$(cat "$INFRA_DIR/postgres.version")" main stop && say "stopped postgres (earlier version)"
    rm -f "$INFRA_DIR/postgres.version"
  fi
}

show_status() {
  for entry in postgres:$PG_PORT redis:$REDIS_PORT clickhouse:$CH_PORT mongo:$MONGO_PORT; do
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
    if ((WITH_KAFKA)); then INFRA_DIR=$INFRA_DIR KAFKA_PORT=$KAFKA_PORT "$ROOT/.ci/kafka.sh" up; fi
    if ((WITH_MONGO)); then INFRA_DIR=$INFRA_DIR MONGO_PORT=$MONGO_PORT PG_ADMIN_URL=$PG_ADMIN_URL "$ROOT/.ci/ferretdb.sh" up; fi
    if ((WITH_SCHEMATHESIS)); then install_schemathesis && say "schemathesis ready"; fi
    if ((WITH_CHDB)); then "$ROOT/.ci/chdb.sh" up; fi
    if ((WITH_COMPOSE)); then "$ROOT/.ci/compose.sh" up; fi
    if ((WITH_SDKS)); then INFRA_DIR=$INFRA_DIR "$ROOT/.ci/sdks.sh" up; fi
    write_env
    say "up in ${SECONDS}s (variables in $INFRA_DIR/env.sh)"
    ;;
  status)
    show_status
    if ((WITH_KAFKA)); then INFRA_DIR=$INFRA_DIR KAFKA_PORT=$KAFKA_PORT "$ROOT/.ci/kafka.sh" status; fi
    if ((WITH_CHDB)); then "$ROOT/.ci/chdb.sh" status; fi
    if ((WITH_COMPOSE)); then "$ROOT/.ci/compose.sh" status; fi
    if ((WITH_SDKS)); then INFRA_DIR=$INFRA_DIR "$ROOT/.ci/sdks.sh" status; fi
    if ((WITH_MONGO)); then INFRA_DIR=$INFRA_DIR MONGO_PORT=$MONGO_PORT "$ROOT/.ci/ferretdb.sh" status; fi
    ;;
  down)
    # FerretDB first: it runs on the PostgreSQL that stop_all stops.
    if ((WITH_MONGO)); then INFRA_DIR=$INFRA_DIR MONGO_PORT=$MONGO_PORT "$ROOT/.ci/ferretdb.sh" down; fi
    stop_all
    if ((WITH_KAFKA)); then INFRA_DIR=$INFRA_DIR KAFKA_PORT=$KAFKA_PORT "$ROOT/.ci/kafka.sh" down; fi
    if ((WITH_CHDB)); then "$ROOT/.ci/chdb.sh" down; fi
    if ((WITH_COMPOSE)); then "$ROOT/.ci/compose.sh" down; fi
    if ((WITH_SDKS)); then INFRA_DIR=$INFRA_DIR "$ROOT/.ci/sdks.sh" down; fi
    ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
