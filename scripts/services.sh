#!/usr/bin/env bash
# Runs REAL Apache Kafka (KRaft, single node), REAL InfluxDB 1.x and REAL
# Prometheus Alertmanager on 127.0.0.1 for the integration tests, without Docker (there is no engine on
# the build machines). See `scripts/services.sh --help`.
#
# Where the bits come from, and why:
#   - InfluxDB: Debian's `influxdb` package (1.6.7) is the only build reachable
#     here; we never use its system service but run our own `influxd` process.
#   - Alertmanager: Debian's `prometheus-alertmanager` package (0.25), likewise
#     run as our own process, never as the system service.
#   - Kafka: the broker jars come from Maven Central via scripts/kafka/pom.xml,
#     because Central is the only place a Kafka distribution can be fetched from.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
KAFKA_LOG4J="$SCRIPT_DIR/kafka/log4j2.properties"

INFLUX_PORT=${TWIN_INFLUX_PORT:-18086}
INFLUX_RPC_PORT=${TWIN_INFLUX_RPC_PORT:-18088}
KAFKA_PORT=${TWIN_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${TWIN_KAFKA_CONTROLLER_PORT:-19093}
ALERTMANAGER_PORT=${TWIN_ALERTMANAGER_PORT:-19603}
HOST=127.0.0.1

INFLUX_READY_TIMEOUT=30
KAFKA_READY_TIMEOUT=60
ALERTMANAGER_READY_TIMEOUT=30
STOP_TIMEOUT=15

usage() {
  cat <<EOF
Usage: scripts/services.sh COMMAND

Runs real Apache Kafka 4.3.1 (single-node KRaft), real InfluxDB 1.x and real
Prometheus Alertmanager 0.25 on 127.0.0.1 for the integration tests. No Docker
needed.

Commands:
  install        Install what is missing (idempotent): Debian's 'influxdb' and
                 'prometheus-alertmanager' packages via apt-get (needs root or
                 sudo) and the Kafka broker jars via Maven (scripts/kafka/pom.xml)
                 into the state folder.
  start          Install if needed, then start the services with fresh, empty
                 data dirs and wait until they accept clients. Prints the
                 versions. A service that is already running is left alone.
  stop           Stop the processes recorded in the pid files (TERM, then KILL
                 after ${STOP_TIMEOUT} s). Never kills anything by name.
  status         Show whether each service is running. Exit 0 only if all are.
  influx-stop    Stop only InfluxDB (the recorded pid; TERM, then KILL) and wait
                 until it has exited. Its data dir is kept. For outage tests.
  influx-start   Start InfluxDB again with the SAME config and data dir (nothing
                 is wiped), record the new pid and wait for /ping. For outage
                 tests, after influx-stop.
  env            Print the 'export ...' lines for the running services, e.g.
                   eval "\$(scripts/services.sh env)"
  run -- CMD...  install + start, run CMD with the variables below exported,
                 then ALWAYS stop the services (even if they were running
                 before) and exit with CMD's exit code. Example:
                   scripts/services.sh run -- mvn -B verify

Exported variables:
  TWIN_KAFKA_BOOTSTRAP   127.0.0.1:<kafka port>
  TWIN_KAFKA_VERSION     e.g. 4.3.1
  TWIN_INFLUX_URL        http://127.0.0.1:<influx port>
  TWIN_INFLUX_VERSION    e.g. 1.6.7~rc0
  TWIN_INFLUXD_PID       pid of influxd when the env was written (influx-start changes it)
  TWIN_INFLUXD_BIN       the influxd binary
  TWIN_INFLUXD_CONFIG    path of the generated influxd config
  TWIN_ALERTMANAGER_URL  http://127.0.0.1:<alertmanager port> (API under /api/v2/)
  TWIN_ALERTMANAGER_VERSION  e.g. 0.25.0
  TWIN_SERVICES_DIR      the state folder
  TWIN_SERVICES_SCRIPT   absolute path of this script, so tests can run
                         "\$TWIN_SERVICES_SCRIPT influx-stop" and "... influx-start"
  TWIN_INFLUX_PORT, TWIN_INFLUX_RPC_PORT, TWIN_KAFKA_PORT, TWIN_KAFKA_CONTROLLER_PORT,
  TWIN_ALERTMANAGER_PORT the ports in use, so a later call of this script finds them

Settings (environment):
  TWIN_SERVICES_DIR            state folder: data, logs, pid files, env file
                               (default: <repo>/.services, git-ignored)
  TWIN_INFLUX_PORT             InfluxDB HTTP port     (default 18086)
  TWIN_INFLUX_RPC_PORT         InfluxDB RPC port      (default 18088)
  TWIN_KAFKA_PORT              Kafka client port      (default 19092)
  TWIN_KAFKA_CONTROLLER_PORT   Kafka controller port  (default 19093)
  TWIN_ALERTMANAGER_PORT       Alertmanager HTTP port (default 19603)
  JAVA_HOME                    Java 17+ for the broker (default: 'java' on PATH)

Logs: <state>/logs/influxd.log, kafka.log, kafka.out, kafka-tools.log, kafka-format.log,
      kafka-fetch.log, alertmanager.log
EOF
}

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# --- state folder --------------------------------------------------------------

# Absolute path, because it ends up in config files and in exported variables
# that tests read from other working directories.
STATE=${TWIN_SERVICES_DIR:-$REPO_ROOT/.services}
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)

LOG_DIR="$STATE/logs"
RUN_DIR="$STATE/run"
ENV_FILE="$STATE/env"
KAFKA_LIBS="$STATE/kafka-libs"
KAFKA_DIR="$STATE/kafka"          # config + data, wiped on every start
INFLUX_DIR="$STATE/influxdb"      # config + data, wiped on every start
ALERTMANAGER_DIR="$STATE/alertmanager"   # config + data, wiped on every start
ALERTMANAGER_CONFIG="$ALERTMANAGER_DIR/alertmanager.yml"
INFLUX_CONFIG="$INFLUX_DIR/influxdb.conf"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"

# --- helpers ---------------------------------------------------------------------

now_ms() { date +%s%3N; }

# Runs a command as root: directly when we are root, otherwise through sudo.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# True if PID $1 exists and is not a zombie. A zombie still answers `kill -0`,
# which would make `stop` wait for a process that is already gone.
pid_alive() {
  local pid=$1 stat state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/stat ]]; then
    stat=$(<"/proc/$pid/stat") || return 1
    state=${stat##*) }
    state=${state%% *}
    [[ $state != Z ]] || return 1
  fi
  return 0
}

# True if PID $1 is alive AND its command line contains $2 (the path of the
# config file we generated). Guards against a recycled PID: we only ever
# signal processes we can prove are ours.
pid_is_ours() {
  local pid=$1 marker=$2 cmdline
  pid_alive "$pid" || return 1
  [[ -r /proc/$pid/cmdline ]] || return 0
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$marker"* ]]
}

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }

read_pid() {
  local f
  f=$(pid_file "$1")
  if [[ -f $f ]]; then
    head -n1 "$f"
  fi
}

# The marker that identifies each service's process (see pid_is_ours).
service_marker() {
  case $1 in
    influxdb) printf '%s' "$INFLUX_CONFIG" ;;
    kafka) printf '%s' "$KAFKA_CONFIG" ;;
    alertmanager) printf '%s' "$ALERTMANAGER_CONFIG" ;;
  esac
}

service_running() {
  local pid
  pid=$(read_pid "$1")
  [[ -n $pid ]] && pid_is_ours "$pid" "$(service_marker "$1")"
}

# Prints the last lines of a log file to help diagnose a failed start.
show_log_tail() {
  if [[ -s $1 ]]; then
    log "last lines of $1:"
    tail -n 20 "$1" | sed 's/^/    /' >&2
  fi
}

# Quotes a string for a TOML basic string (backslash and double quote).
toml_str() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# --- Java --------------------------------------------------------------------------

JAVA=""
find_java() {
  [[ -n $JAVA ]] && return 0
  if [[ -n ${JAVA_HOME:-} ]]; then
    JAVA="$JAVA_HOME/bin/java"
    [[ -x $JAVA ]] || die "JAVA_HOME is set but $JAVA is not executable"
  else
    JAVA=$(command -v java) || die "java not found: install a JDK 17+ or set JAVA_HOME"
  fi
  local spec major
  spec=$("$JAVA" -XshowSettings:properties -version 2>&1 |
    awk -F' = ' '/java.specification.version/ {print $2; exit}')
  major=${spec%%.*}
  [[ $major =~ ^[0-9]+$ ]] || die "cannot tell the version of $JAVA"
  # Kafka 4.x brokers need Java 17 or newer.
  ((major >= 17)) || die "Kafka 4.x needs Java 17+, but $JAVA is Java $spec (set JAVA_HOME)"
}

# Runs a class from the broker jars (the Kafka tools) with its logging sent to
# the tools log, so that warnings do not clutter the terminal.
kafka_tool() {
  "$JAVA" -Xmx256m -cp "$KAFKA_LIBS/*" \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -Dtwin.log.file="$LOG_DIR/kafka-tools.log" \
    -Dtwin.log.append=true \
    -Dtwin.log.level=WARN \
    "$@"
}

# --- install -------------------------------------------------------------------------

INFLUXD_BIN=""
find_influxd() {
  INFLUXD_BIN=$(command -v influxd 2>/dev/null || true)
  if [[ -z $INFLUXD_BIN && -x /usr/bin/influxd ]]; then
    INFLUXD_BIN=/usr/bin/influxd
  fi
  [[ -n $INFLUXD_BIN ]]
}

# Installs Debian package $1 with apt-get, never letting it start its system
# service: the packages' postinst would start one (on the default ports)
# wherever an init system runs, and we never use it. Service starts are
# forbidden for the duration of the install with a temporary policy-rc.d
# (honoured by invoke-rc.d and deb-systemd-invoke) -- but only if the machine
# has none of its own, and it is removed again however the subshell ends.
apt_install_without_service() {
  local package=$1
  log "installing Debian package '$package' (apt-get) ..."
  (
    policy=/usr/sbin/policy-rc.d
    if [[ ! -e $policy ]]; then
      trap 'as_root rm -f "$policy"' EXIT
      printf '#!/bin/sh\n# Temporary, from supernode-twin scripts/services.sh: no service starts during install.\nexit 101\n' |
        as_root tee "$policy" >/dev/null
      as_root chmod 755 "$policy"
    fi
    apt_install() {
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$package"
    }
    # Retry once after refreshing the package lists: on a fresh machine they
    # are often missing or stale.
    if ! apt_install; then
      as_root apt-get update -q
      apt_install
    fi
  ) >&2
}

install_influxdb() {
  if find_influxd; then
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "influxd not found and apt-get is unavailable: install InfluxDB 1.x (Debian package 'influxdb')"
  apt_install_without_service influxdb || die "apt-get install influxdb failed"
  find_influxd || die "the influxdb package is installed but influxd is not on PATH"
}

ALERTMANAGER_BIN=""
find_alertmanager() {
  ALERTMANAGER_BIN=$(command -v prometheus-alertmanager 2>/dev/null || true)
  if [[ -z $ALERTMANAGER_BIN && -x /usr/bin/prometheus-alertmanager ]]; then
    ALERTMANAGER_BIN=/usr/bin/prometheus-alertmanager
  fi
  [[ -n $ALERTMANAGER_BIN ]]
}

install_alertmanager() {
  if find_alertmanager; then
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 ||
    die "prometheus-alertmanager not found and apt-get is unavailable: install Debian package 'prometheus-alertmanager'"
  apt_install_without_service prometheus-alertmanager || die "apt-get install prometheus-alertmanager failed"
  find_alertmanager || die "the prometheus-alertmanager package is installed but not on PATH"
}

# The fetched jars are reused as long as the pom is unchanged: the marker file
# holds the pom's checksum and the Kafka version reported by the jars.
kafka_marker() { printf '%s/.fetched' "$KAFKA_LIBS"; }

kafka_libs_current() {
  local marker
  marker=$(kafka_marker)
  [[ -f $marker ]] || return 1
  [[ $(sed -n 1p "$marker") == "$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)" ]]
}

install_kafka() {
  find_java
  if kafka_libs_current; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: Maven is needed to fetch the Kafka broker"
  log "fetching the Kafka broker jars from Maven Central ..."
  # Download into a temporary folder and rename it at the end, so an
  # interrupted fetch never looks complete.
  local tmp="$KAFKA_LIBS.tmp" version
  rm -rf "$tmp"
  # Output goes to a log (Maven 3.8 litters even -B -q output with colour
  # codes); it is shown only when the fetch fails.
  if ! mvn -B -q -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$tmp" \
    >"$LOG_DIR/kafka-fetch.log" 2>&1; then
    show_log_tail "$LOG_DIR/kafka-fetch.log"
    die "could not fetch the Kafka broker with Maven; see $LOG_DIR/kafka-fetch.log"
  fi
  # Ask the broker itself for its version; this also proves the jars run.
  version=$("$JAVA" -cp "$tmp/*" kafka.Kafka --version 2>/dev/null | tail -n1) || true
  [[ $version =~ ^[0-9]+\.[0-9]+ ]] || die "the fetched Kafka jars do not run (kafka.Kafka --version gave '$version')"
  {
    sha256sum "$KAFKA_POM" | cut -d' ' -f1
    printf '%s\n' "$version"
  } >"$tmp/.fetched"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
}

kafka_version() { sed -n 2p "$(kafka_marker)"; }

cmd_install() {
  command -v curl >/dev/null 2>&1 || die "curl not found (needed to check InfluxDB)"
  install_influxdb
  install_alertmanager
  install_kafka
  log "installed: $("$INFLUXD_BIN" version 2>/dev/null | head -n1) ($INFLUXD_BIN); $(alertmanager_bin_version) ($ALERTMANAGER_BIN); Kafka $(kafka_version) ($KAFKA_LIBS)"
}

# --- InfluxDB ------------------------------------------------------------------------

write_influx_config() {
  cat >"$INFLUX_CONFIG" <<EOF
# Generated by scripts/services.sh; rewritten on every start.
reporting-enabled = false
bind-address = $(toml_str "$HOST:$INFLUX_RPC_PORT")

[meta]
  dir = $(toml_str "$INFLUX_DIR/meta")
  logging-enabled = false

[data]
  dir = $(toml_str "$INFLUX_DIR/data")
  wal-dir = $(toml_str "$INFLUX_DIR/wal")
  query-log-enabled = false
  trace-logging-enabled = false

[monitor]
  # No _internal database: less disk and CPU for a test server.
  store-enabled = false

[http]
  enabled = true
  bind-address = $(toml_str "$HOST:$INFLUX_PORT")
  auth-enabled = false
  log-enabled = false

[ifql]
  enabled = false

[continuous_queries]
  log-enabled = false

[logging]
  level = "warn"
  suppress-logo = true
EOF
}

influx_ping() { curl -sf -o /dev/null --max-time 2 "http://$HOST:$INFLUX_PORT/ping"; }

# The running server's own version (X-Influxdb-Version header of /ping).
influx_server_version() {
  curl -sf -D - -o /dev/null --max-time 2 "http://$HOST:$INFLUX_PORT/ping" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "x-influxdb-version" {print $2; exit}'
}

# Launches influxd on the existing config, records its pid, waits for /ping and
# prints the pid. Shared by start (fresh data) and influx-start (kept data).
launch_influxd() {
  local pid deadline logf="$LOG_DIR/influxd.log"
  # setsid: own session, so a Ctrl-C aimed at a later command in this terminal
  # does not kill the server behind `stop`'s back. The log is appended to, so
  # a restart keeps the earlier run's lines.
  setsid "$INFLUXD_BIN" run -config "$INFLUX_CONFIG" </dev/null >>"$logf" 2>&1 &
  pid=$!
  echo "$pid" >"$(pid_file influxdb)"
  deadline=$(($(now_ms) + INFLUX_READY_TIMEOUT * 1000))
  until influx_ping; do
    if ! pid_alive "$pid"; then
      show_log_tail "$logf"
      die "influxd exited during startup; see $logf"
    fi
    if (($(now_ms) > deadline)); then
      show_log_tail "$logf"
      die "InfluxDB did not answer http://$HOST:$INFLUX_PORT/ping within ${INFLUX_READY_TIMEOUT}s; see $logf"
    fi
    sleep 0.2
  done
  printf '%s' "$pid"
}

start_influxdb() {
  local t0 pid logf="$LOG_DIR/influxd.log" version
  if service_running influxdb; then
    log "InfluxDB already running (pid $(read_pid influxdb)) on $HOST:$INFLUX_PORT"
    return 0
  fi
  find_influxd || die "influxd not found (run: scripts/services.sh install)"
  port_open "$INFLUX_PORT" &&
    die "port $HOST:$INFLUX_PORT is already in use by another process; set TWIN_INFLUX_PORT"
  port_open "$INFLUX_RPC_PORT" &&
    die "port $HOST:$INFLUX_RPC_PORT is already in use by another process; set TWIN_INFLUX_RPC_PORT"

  t0=$(now_ms)
  rm -rf "$INFLUX_DIR"
  mkdir -p "$INFLUX_DIR"
  write_influx_config
  : >"$logf"
  STARTED_NOW+=(influxdb)
  pid=$(launch_influxd)
  version=$(influx_server_version)
  [[ -n $version ]] || version=$("$INFLUXD_BIN" version | awk '{print $2; exit}' | sed 's/^v//')
  INFLUX_VERSION=$version
  log "InfluxDB $version ready on $HOST:$INFLUX_PORT (pid $pid, $(($(now_ms) - t0)) ms)"
}

# Outage tests: stop influxd alone and start it again on the same data.
cmd_influx_stop() {
  local pid
  pid=$(read_pid influxdb)
  [[ -n $pid ]] || die "no influxd pid recorded in $(pid_file influxdb) (scripts/services.sh start)"
  pid_is_ours "$pid" "$(service_marker influxdb)" ||
    die "recorded influxd pid $pid is not running (already stopped?)"
  stop_services influxdb
  log "InfluxDB stopped; data kept in $INFLUX_DIR"
}

cmd_influx_start() {
  local pid t0
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  if service_running influxdb; then
    log "InfluxDB already running (pid $(read_pid influxdb))"
    return 0
  fi
  find_influxd || die "influxd not found (run: scripts/services.sh install)"
  [[ -f $INFLUX_CONFIG ]] || die "no InfluxDB config at $INFLUX_CONFIG: run scripts/services.sh start first"
  port_open "$INFLUX_PORT" &&
    die "port $HOST:$INFLUX_PORT is already in use by another process; set TWIN_INFLUX_PORT"
  t0=$(now_ms)
  pid=$(launch_influxd)
  if [[ -f $ENV_FILE ]]; then
    sed -i "s/^export TWIN_INFLUXD_PID=.*/export TWIN_INFLUXD_PID=$pid/" "$ENV_FILE"
  fi
  log "InfluxDB restarted on $HOST:$INFLUX_PORT with its data (pid $pid, $(($(now_ms) - t0)) ms)"
}

# --- Kafka ---------------------------------------------------------------------------

write_kafka_config() {
  cat >"$KAFKA_CONFIG" <<EOF
# Generated by scripts/services.sh; rewritten on every start.
# Single-node KRaft: this one process is both broker and controller.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=$HOST:$KAFKA_CONTROLLER_PORT
log.dirs=$KAFKA_DIR/data

# One broker: internal topics must not wait for replicas that never come
# (consumer groups and transactions hang otherwise).
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Test speed and convenience.
group.initial.rebalance.delay.ms=0
num.partitions=4
auto.create.topics.enable=true
EOF
}

# A real client round trip: list topics through the Admin API.
kafka_client_ok() {
  timeout 20 "$JAVA" -Xmx256m -cp "$KAFKA_LIBS/*" \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -Dtwin.log.file="$LOG_DIR/kafka-tools.log" \
    -Dtwin.log.append=true \
    -Dtwin.log.level=WARN \
    org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$HOST:$KAFKA_PORT" \
    --command-config "$KAFKA_DIR/admin.properties" \
    --list >/dev/null 2>>"$LOG_DIR/kafka-tools.log"
}

start_kafka() {
  local t0 pid deadline logf="$LOG_DIR/kafka.log" cluster_id
  if service_running kafka; then
    log "Kafka already running (pid $(read_pid kafka)) on $HOST:$KAFKA_PORT"
    return 0
  fi
  find_java
  kafka_libs_current || die "Kafka broker jars missing (run: scripts/services.sh install)"
  port_open "$KAFKA_PORT" &&
    die "port $HOST:$KAFKA_PORT is already in use by another process; set TWIN_KAFKA_PORT"
  port_open "$KAFKA_CONTROLLER_PORT" &&
    die "port $HOST:$KAFKA_CONTROLLER_PORT is already in use by another process; set TWIN_KAFKA_CONTROLLER_PORT"

  t0=$(now_ms)
  rm -rf "$KAFKA_DIR"
  mkdir -p "$KAFKA_DIR"
  rm -f "$LOG_DIR/kafka-tools.log"
  write_kafka_config
  # Short client timeouts so a readiness probe fails fast and is retried.
  printf 'request.timeout.ms=5000\ndefault.api.timeout.ms=10000\n' >"$KAFKA_DIR/admin.properties"

  # KRaft needs formatted storage with a cluster id before the first start.
  cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid 2>>"$LOG_DIR/kafka-format.log" | tail -n1)
  [[ -n $cluster_id ]] || die "kafka.tools.StorageTool random-uuid failed; see $LOG_DIR/kafka-format.log"
  if ! kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" --standalone \
    >"$LOG_DIR/kafka-format.log" 2>&1; then
    show_log_tail "$LOG_DIR/kafka-format.log"
    die "formatting Kafka storage failed; see $LOG_DIR/kafka-format.log"
  fi

  # setsid: see start_influxdb. The broker log goes to kafka.log via log4j2;
  # stdout/stderr (JVM crashes, log4j problems) go to kafka.out.
  setsid "$JAVA" -Xmx512m -Djava.awt.headless=true -XX:+ExitOnOutOfMemoryError \
    -cp "$KAFKA_LIBS/*" \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -Dtwin.log.file="$logf" \
    -Dtwin.log.level=INFO \
    kafka.Kafka "$KAFKA_CONFIG" </dev/null >"$LOG_DIR/kafka.out" 2>&1 &
  pid=$!
  echo "$pid" >"$(pid_file kafka)"
  STARTED_NOW+=(kafka)

  deadline=$(($(now_ms) + KAFKA_READY_TIMEOUT * 1000))
  # Cheap port check first (no JVM per poll), then a real client round trip.
  until port_open "$KAFKA_PORT" && kafka_client_ok; do
    if ! pid_alive "$pid"; then
      show_log_tail "$LOG_DIR/kafka.out"
      show_log_tail "$logf"
      die "the Kafka broker exited during startup; see $logf and $LOG_DIR/kafka.out"
    fi
    if (($(now_ms) > deadline)); then
      show_log_tail "$logf"
      die "Kafka did not accept clients on $HOST:$KAFKA_PORT within ${KAFKA_READY_TIMEOUT}s; see $logf"
    fi
    sleep 0.3
  done
  log "Kafka $(kafka_version) ready on $HOST:$KAFKA_PORT (pid $pid, $(($(now_ms) - t0)) ms)"
}

# --- Alertmanager ----------------------------------------------------------------------

# One route to a receiver without integrations: the tests read what arrived
# through the API (/api/v2/alerts, /metrics); nothing is notified onwards.
write_alertmanager_config() {
  cat >"$ALERTMANAGER_CONFIG" <<EOF
# Generated by scripts/services.sh; rewritten on every start.
route:
  receiver: "null"
receivers:
  - name: "null"
EOF
}

alertmanager_bin_version() {
  "$ALERTMANAGER_BIN" --version 2>&1 | awk '/version/ {print "Alertmanager " $3; exit}'
}

alertmanager_ready() { curl -sf -o /dev/null --max-time 2 "http://$HOST:$ALERTMANAGER_PORT/-/ready"; }

# The running server's own version (GET /api/v2/status, versionInfo.version).
alertmanager_server_version() {
  curl -sf --max-time 2 "http://$HOST:$ALERTMANAGER_PORT/api/v2/status" |
    grep -o '"version":"[^"]*"' | head -n1 | cut -d'"' -f4
}

start_alertmanager() {
  local t0 pid deadline logf="$LOG_DIR/alertmanager.log"
  if service_running alertmanager; then
    log "Alertmanager already running (pid $(read_pid alertmanager)) on $HOST:$ALERTMANAGER_PORT"
    return 0
  fi
  find_alertmanager || die "prometheus-alertmanager not found (run: scripts/services.sh install)"
  port_open "$ALERTMANAGER_PORT" &&
    die "port $HOST:$ALERTMANAGER_PORT is already in use by another process; set TWIN_ALERTMANAGER_PORT"

  t0=$(now_ms)
  rm -rf "$ALERTMANAGER_DIR"
  mkdir -p "$ALERTMANAGER_DIR/data"
  write_alertmanager_config
  # An empty --cluster.listen-address turns clustering (gossip on 9094) off:
  # one instance, nothing else bound. setsid: see launch_influxd.
  setsid "$ALERTMANAGER_BIN" --config.file="$ALERTMANAGER_CONFIG" \
    --storage.path="$ALERTMANAGER_DIR/data" \
    --web.listen-address="$HOST:$ALERTMANAGER_PORT" \
    --cluster.listen-address= \
    --log.level=warn </dev/null >"$logf" 2>&1 &
  pid=$!
  echo "$pid" >"$(pid_file alertmanager)"
  STARTED_NOW+=(alertmanager)
  deadline=$(($(now_ms) + ALERTMANAGER_READY_TIMEOUT * 1000))
  until alertmanager_ready; do
    if ! pid_alive "$pid"; then
      show_log_tail "$logf"
      die "Alertmanager exited during startup; see $logf"
    fi
    if (($(now_ms) > deadline)); then
      show_log_tail "$logf"
      die "Alertmanager did not answer http://$HOST:$ALERTMANAGER_PORT/-/ready within ${ALERTMANAGER_READY_TIMEOUT}s; see $logf"
    fi
    sleep 0.2
  done
  log "Alertmanager $(alertmanager_server_version) ready on $HOST:$ALERTMANAGER_PORT (pid $pid, $(($(now_ms) - t0)) ms)"
}

# --- env file ------------------------------------------------------------------------

write_env_file() {
  local version=${INFLUX_VERSION:-}
  [[ -n $version ]] || version=$(influx_server_version)
  {
    printf 'export %s=%q\n' \
      TWIN_KAFKA_BOOTSTRAP "$HOST:$KAFKA_PORT" \
      TWIN_KAFKA_VERSION "$(kafka_version)" \
      TWIN_INFLUX_URL "http://$HOST:$INFLUX_PORT" \
      TWIN_INFLUX_VERSION "$version" \
      TWIN_INFLUXD_PID "$(read_pid influxdb)" \
      TWIN_INFLUXD_CONFIG "$INFLUX_CONFIG" \
      TWIN_INFLUXD_BIN "$INFLUXD_BIN" \
      TWIN_ALERTMANAGER_URL "http://$HOST:$ALERTMANAGER_PORT" \
      TWIN_ALERTMANAGER_VERSION "$(alertmanager_server_version)" \
      TWIN_SERVICES_DIR "$STATE" \
      TWIN_SERVICES_SCRIPT "$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")" \
      TWIN_INFLUX_PORT "$INFLUX_PORT" \
      TWIN_INFLUX_RPC_PORT "$INFLUX_RPC_PORT" \
      TWIN_KAFKA_PORT "$KAFKA_PORT" \
      TWIN_KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT" \
      TWIN_ALERTMANAGER_PORT "$ALERTMANAGER_PORT"
  } >"$ENV_FILE.tmp"
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

# --- start / stop ----------------------------------------------------------------------

STARTED_NOW=()
INFLUX_VERSION=""

do_start() {
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  cmd_install
  start_influxdb
  start_alertmanager
  start_kafka
  write_env_file
  log "environment ($ENV_FILE):"
  sed 's/^/    /' "$ENV_FILE" >&2
}

# Sends TERM to the given services, waits up to STOP_TIMEOUT seconds for all of
# them together, then KILLs whatever is left. Only recorded, verified PIDs.
stop_services() {
  local svc pid deadline
  local -a pids=()
  for svc in "$@"; do
    pid=$(read_pid "$svc")
    if [[ -n $pid ]] && pid_is_ours "$pid" "$(service_marker "$svc")"; then
      log "stopping $svc (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    elif [[ -n $pid ]]; then
      log "$svc: recorded pid $pid is not running (stale pid file)"
    fi
  done
  deadline=$(($(now_ms) + STOP_TIMEOUT * 1000))
  for pid in "${pids[@]}"; do
    while pid_alive "$pid" && (($(now_ms) < deadline)); do
      sleep 0.2
    done
    if pid_alive "$pid"; then
      log "pid $pid did not stop within ${STOP_TIMEOUT}s; sending KILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    # Reap it if it is our own child (in `run`), so no zombie is left behind.
    wait "$pid" 2>/dev/null || true
  done
  for svc in "$@"; do
    rm -f "$(pid_file "$svc")"
  done
}

cmd_stop() {
  stop_services kafka influxdb alertmanager
  rm -f "$ENV_FILE"
  # An outage test may have restarted influxd under a pid we never recorded.
  if port_open "$INFLUX_PORT"; then
    log "WARNING: something still listens on $HOST:$INFLUX_PORT (an influxd restarted by a test?)"
  fi
  if port_open "$KAFKA_PORT"; then
    log "WARNING: something still listens on $HOST:$KAFKA_PORT"
  fi
  if port_open "$ALERTMANAGER_PORT"; then
    log "WARNING: something still listens on $HOST:$ALERTMANAGER_PORT"
  fi
  log "stopped"
}

# If `start` fails half-way, stop what this invocation launched.
on_start_exit() {
  local rc=$?
  if ((rc != 0)) && ((${#STARTED_NOW[@]} > 0)); then
    log "start failed; stopping ${STARTED_NOW[*]}"
    stop_services "${STARTED_NOW[@]}"
  fi
}

cmd_start() {
  trap on_start_exit EXIT
  do_start
  trap - EXIT
}

cmd_status() {
  local svc pid all=0
  for svc in influxdb kafka alertmanager; do
    pid=$(read_pid "$svc")
    if [[ -n $pid ]] && pid_is_ours "$pid" "$(service_marker "$svc")"; then
      printf '%-12s running (pid %s)\n' "$svc" "$pid"
    else
      printf '%-12s not running\n' "$svc"
      all=3
    fi
  done
  if ((all == 0)) && [[ -f $ENV_FILE ]]; then
    cat "$ENV_FILE"
  fi
  return "$all"
}

cmd_env() {
  if service_running influxdb && service_running kafka && service_running alertmanager && [[ -f $ENV_FILE ]]; then
    cat "$ENV_FILE"
  else
    die "services are not running (scripts/services.sh start)"
  fi
}

CMD_PID=""

# INT/TERM during `run`: before CMD runs, just exit (the EXIT trap stops the
# services); while it runs, pass the signal on and let cmd_run collect its
# exit code.
on_run_signal() {
  if [[ -z $CMD_PID ]]; then
    exit "$2"
  fi
  log "got SIG$1; passing it on to the command (pid $CMD_PID)"
  kill -s "$1" "$CMD_PID" 2>/dev/null || true
}

cmd_run() {
  [[ ${1:-} == -- ]] && shift
  (($# > 0)) || die "usage: scripts/services.sh run -- CMD [ARGS...]"
  # Always stop afterwards: on success, failure, Ctrl-C or TERM.
  trap 'cmd_stop' EXIT
  trap 'on_run_signal INT 130' INT
  trap 'on_run_signal TERM 143' TERM
  do_start
  set -a
  # shellcheck source=/dev/null
  source "$ENV_FILE"
  set +a
  log "running: $*"
  # CMD runs in the background and we `wait` for it, because bash delays a
  # trap until the foreground command has finished: a TERM from a CI timeout
  # would otherwise not reach CMD nor stop the services. `<&0` keeps CMD's
  # stdin, which bash points at /dev/null for background commands.
  "$@" <&0 &
  CMD_PID=$!
  local rc
  while :; do
    rc=0
    wait "$CMD_PID" || rc=$?
    # `wait` also returns (>128) when a trapped signal arrives; keep waiting
    # while CMD has not been reaped yet, to get its real exit code.
    if ((rc > 128)) && kill -0 "$CMD_PID" 2>/dev/null; then
      continue
    fi
    break
  done
  log "command exited with $rc"
  exit "$rc"
}

main() {
  local cmd=${1:-}
  (($# > 0)) && shift
  case $cmd in
    install) mkdir -p "$LOG_DIR" "$RUN_DIR"; cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) cmd_env ;;
    influx-stop) cmd_influx_stop ;;
    influx-start) cmd_influx_start ;;
    run) cmd_run "$@" ;;
    -h | --help | help) usage ;;
    "") usage >&2; exit 2 ;;
    *) printf 'unknown command: %s\n\n' "$cmd" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
