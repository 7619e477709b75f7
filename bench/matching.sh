#!/usr/bin/env bash
# Matching quality and in-memory speed benchmark (issue 3): builds the test classes, then runs
# org.musubi.bench.MatchingBenchmark on the test classpath. Arguments are passed through, e.g.
#   bench/matching.sh --persons=300000 --sources=60000 --seed=7
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms2g -Xmx8g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
exec "$(dirname "$0")/run.sh" org.musubi.bench.MatchingBenchmark "$@"
