#!/usr/bin/env bash
# Candidate search against the real (embedded) PostgreSQL: loads N synthetic persons with their
# blocking keys, then times candidate queries. Usage: bench/candidates.sh [--persons=3000000] [--queries=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-*; do [ -x "$candidate/bin/java" ] && export JAVA_HOME="$candidate" && break; done
fi
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx4g \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.musubi.bench.CandidateQueryBenchmark "$@"
