#!/usr/bin/env bash
# The emergency side (issue 26, closing note): musubi serve in its own JVM on loopback on a store of about 1 M
# resources; a paramedic with an open emergency access to a person holding 5,000 resources: the card look-up
# (p95 ≤ 20 ms), the minimum dataset page (p95 ≤ 50 ms) and Patient/$summary (no target), 200 rounds after a warm-up.
# The first run prepares /tmp/musubi-emergency; later runs add --skip-load.
#   bench/emergency.sh                                 # prepare, then time
#   bench/emergency.sh --prepare-only                  # prepare only (then --skip-load when the machine is quiet)
#   bench/emergency.sh --skip-load
#   bench/emergency.sh --resources=100000 --data-dir=/tmp/musubi-emergency-small --settle=5
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx4g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.EmergencyBenchmark "$@"
