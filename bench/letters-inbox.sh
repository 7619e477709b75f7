#!/usr/bin/env bash
# A hospital's inbox holding 10,000 letters (issue 42, closing note: p95 ≤ 100 ms), listed through the letters exchange
# with the policy's decision and the listing's audit row, by org.musubi.bench.LetterInboxBenchmark on an embedded
# PostgreSQL of its own. Arguments are passed through, e.g.
#   bench/letters-inbox.sh --letters=10000 --rounds=500
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms256m -Xmx1g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.LetterInboxBenchmark "$@"
