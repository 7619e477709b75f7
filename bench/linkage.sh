#!/usr/bin/env bash
# Bulk linkage (名寄せ) through the embedded PostgreSQL (issue 3: 1 M source records in ≤ 10 min on
# 2 cores): loads N synthetic persons with their blocking keys by COPY, then links M source records
# in batches with org.musubi.bench.LinkageBenchmark. Arguments are passed through, e.g.
#   bench/linkage.sh --persons=300000 --sources=300000 --batch=5000 --threads=2
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms2g -Xmx4g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms2g -Xmx4g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.LinkageBenchmark "$@"
