#!/usr/bin/env bash
# The record store of issue 4 (ingest ≥ 3,000 resources/s; Patient/$everything p95 ≤ 100 ms and
# searches p95 ≤ 20 ms on a store of 10 M resources, on 2 cores): bulk-loads the store by COPY, then
# measures over HTTP with org.musubi.bench.RecordStoreBenchmark. Arguments are passed through, e.g.
#   bench/records.sh --resources=200000
#   bench/records.sh --data-dir=/tmp/musubi-10m            # load once and keep the database
#   bench/records.sh --data-dir=/tmp/musubi-10m --skip-load --json=records.json
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms2g -Xmx6g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms2g -Xmx6g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.RecordStoreBenchmark "$@"
