#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft: broker and controller in one JVM) on loopback.
# Its jars come from Maven Central through Maven and are cached, so a second `up` starts at once.
#
#   .ci/kafka.sh up       fetch the jars if missing, format the storage once, start, wait until it serves
#   .ci/kafka.sh status   whether the broker this script started is running
#   .ci/kafka.sh down     stop the broker this script started (SIGTERM, a clean shutdown)
#   .ci/kafka.sh kill     SIGKILL it (a crash; tests use it for restarts under load)
#   .ci/kafka.sh classpath   fetch the jars if missing and print the class path
#
# Knobs: KAFKA_VERSION (4.1.1), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
#        KAFKA_DIR ($INFRA_DIR/kafka: config, data, log, pid), INFRA_CACHE (/var/cache/featbit-ts-ci).
# Tests start private brokers with their own KAFKA_DIR and ports through this same script.
set -euo pipefail

KAFKA_VERSION=${KAFKA_VERSION:-4.1.1}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
INFRA_DIR=${INFRA_DIR:-/tmp/featbit-ts-infra}
KAFKA_DIR=${KAFKA_DIR:-$INFRA_DIR/kafka}
. "$(dirname "${BASH_SOURCE[0]}")/cache-root.sh"
CACHE=$(cache_root)
LIBS=$CACHE/kafka/$KAFKA_VERSION/libs
# base64url of the 16 bytes "featbit-ts-kafka": a fixed cluster id, so a kept data dir is reused.
CLUSTER_ID=ZmVhdGJpdC10cy1rYWZrYQ
PID_FILE=$KAFKA_DIR/kafka.pid

say() { printf '[kafka] %s\n' "$*" >&2; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running() { [[ -f $PID_FILE ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

ensure_tools() {
  command -v java >/dev/null && command -v mvn >/dev/null && return 0
  say "installing Java and Maven from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    openjdk-17-jre-headless maven >/dev/null
}

# The broker's runtime class path, resolved by Maven from kafka_2.13 (slf4j-simple gives it a log).
fetch_jars() {
  [[ -f $LIBS/.complete ]] && return 0
  ensure_tools
  say "fetching Apache Kafka $KAFKA_VERSION from Maven Central"
  local work
  work=$(mktemp -d)
  cat >"$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.featbit-ts</groupId><artifactId>kafka-broker</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
POM
  rm -rf "$LIBS"
  mvn -q -B -Dstyle.color=never -f "$work/pom.xml" -Dmaven.repo.local="$CACHE/kafka/m2" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS" >&2
  rm -rf "$work"
  touch "$LIBS/.complete"
}

write_config() {
  mkdir -p "$KAFKA_DIR/data"
  # One node is both controller and broker; nothing is auto-created, so the product must create
  # its topics; replication factors of 1 because there is one broker.
  cat >"$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

java_opts() {
  echo -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info \
    -Dorg.slf4j.simpleLogger.showDateTime=true
}

start() {
  fetch_jars
  if running; then
    listening "$KAFKA_PORT" && return 0
  elif listening "$KAFKA_PORT" || listening "$KAFKA_CONTROLLER_PORT"; then
    say "port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT is taken by a process this script did not start"
    return 1
  else
    write_config
    if [[ ! -f $KAFKA_DIR/data/meta.properties ]]; then
      # shellcheck disable=SC2046
      java $(java_opts) -cp "$LIBS/*" kafka.tools.StorageTool format --ignore-formatted \
        -t "$CLUSTER_ID" -c "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/format.log" 2>&1 ||
        { cat "$KAFKA_DIR/format.log" >&2; return 1; }
    fi
    : >"$KAFKA_DIR/kafka.log"
    # shellcheck disable=SC2046
    (cd "$KAFKA_DIR" && exec nohup java $(java_opts) -cp "$LIBS/*" kafka.Kafka \
      "$KAFKA_DIR/server.properties" >>"$KAFKA_DIR/kafka.log" 2>&1) &
    echo $! >"$PID_FILE"
  fi
  # Serving once the server logged its start (the listener opens a moment before that).
  local tries=600
  until grep -q 'Kafka Server started' "$KAFKA_DIR/kafka.log" && listening "$KAFKA_PORT"; do
    if ! running; then tail -20 "$KAFKA_DIR/kafka.log" >&2; say "the broker exited"; return 1; fi
    if ((--tries == 0)); then say "the broker did not start in 60 s"; return 1; fi
    sleep 0.1
  done
}

stop() {
  local signal=$1
  if running; then
    local pid
    pid=$(cat "$PID_FILE")
    kill "-$signal" "$pid"
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    say "stopped the broker on $KAFKA_PORT ($signal)"
  fi
  rm -f "$PID_FILE"
}

case "${1:-up}" in
  up) start && say "Apache Kafka $KAFKA_VERSION (KRaft) serving on 127.0.0.1:$KAFKA_PORT" ;;
  status)
    if running && listening "$KAFKA_PORT"; then echo "kafka: Apache Kafka $KAFKA_VERSION on $KAFKA_PORT"; else echo "kafka: down"; fi
    ;;
  down) stop TERM ;;
  kill) stop KILL ;;
  classpath) fetch_jars && echo "$LIBS/*" ;;
  *) echo "usage: $0 up|status|down|kill|classpath" >&2; exit 2 ;;
esac
