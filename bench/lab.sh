#!/usr/bin/env bash
# Lab-centre readers' parse-and-map speed (no database): generated lab CSV rows and OUL^R22 messages
# through org.musubi.bench.LabParseBenchmark. Arguments are passed through, e.g.
#   bench/lab.sh --rows=500000 --messages=50000 --results=10 --threads=2
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms2g -Xmx8g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
exec "$(dirname "$0")/run.sh" org.musubi.bench.LabParseBenchmark "$@"
