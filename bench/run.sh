#!/usr/bin/env bash
# Builds the test classes and the benchmarks (profile bench: src/bench/java) and runs one benchmark main class on
# the test classpath, e.g.
#   bench/run.sh org.musubi.bench.MatchingBenchmark --persons=300000
# The benchmark scripts next to this one call it. Environment: JAVA_HOME (default: the Temurin 25
# JDK), JAVA_OPTS (default: -Xms2g -Xmx8g), MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
classpath_file=target/bench-classpath.txt
main_class="$1"
shift

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of words
./mvnw -B -q -Pbench ${MAVEN_ARGS:-} test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2

# shellcheck disable=SC2086 # JAVA_OPTS is a list of words
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xms2g -Xmx8g} \
    -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
    "$main_class" "$@"
