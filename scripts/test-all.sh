#!/usr/bin/env bash
# The single command that runs the whole test suite: starts real Kafka and
# InfluxDB on 127.0.0.1 (scripts/services.sh, no Docker), runs `mvn -B verify`
# with TWIN_* variables pointing at them, and always stops them afterwards.
# Extra arguments go to Maven, e.g.: scripts/test-all.sh -pl ingest -am
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec scripts/services.sh run -- mvn -B verify "$@"
