#!/usr/bin/env bash
# The residents' health notebook under load (issue 25): musubi serve in its own JVM on loopback on a store of
# about 1 M resources; one resident with ten years of notebook data timed alone (p95 ≤ 100 ms), then 2,000
# residents for 10 minutes (p99 ≤ 300 ms, 0 errors). The first run prepares /tmp/musubi-phr; later runs add
# --skip-load.
#   bench/phr.sh                                   # prepare, then 2,000 residents for 10 minutes
#   bench/phr.sh --skip-load --json=target/phr.json
#   bench/phr.sh --users=100 --minutes=1 --ramp=30 --resources=100000 --data-dir=/tmp/musubi-phr-small
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx6g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.PhrLoadBenchmark "$@"
