#!/usr/bin/env bash
# UKE (レセプト電算) reader's parse-and-map speed (no database): a year of a clinic's generated monthly receipt
# files through org.musubi.bench.UkeBenchmark. Arguments are passed through, e.g.
#   bench/uke.sh --patients=5000 --months=12 --rounds=3
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default here: -Xms1g -Xmx1g, the issue's bound),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
export JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}"
exec "$(dirname "$0")/run.sh" org.musubi.bench.UkeBenchmark "$@"
