#!/usr/bin/env bash
# Concurrent load (issue 7): musubi serve in its own JVM on loopback, driven by clinic users and
# facility systems on virtual threads. The first run prepares a store in --data-dir (default
# /tmp/musubi-load); later runs add --skip-load. Prints the figures and writes target/load-report.html.
#   bench/load.sh                                  # 1,000 users, 10 min, prepares /tmp/musubi-load
#   bench/load.sh --skip-load --json=target/load.json
#   bench/load.sh --users=100 --minutes=1 --resources=200000 --patients=400 --data-dir=/tmp/musubi-load-small
#   bench/load.sh --skip-load --nodes=2 --cores=2    # two servers on one database, cores and heap shared out (issue 41)
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx6g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.LoadBenchmark "$@"
