#!/usr/bin/env bash
# Builds the test classes and runs integration tests (failsafe, no packaging, no unit tests, no fuzzing) with system
# properties, for drills whose ./mvnw verify size is smaller than their full size, e.g.
#   bench/it.sh ServerCrashDrillIT -Dmusubi.crash.server-kills=20
# The drill scripts next to this one call it; their log is target/bench/<name>-<time>.log. Environment: JAVA_HOME
# (default: the Temurin 25 JDK), MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
tests="$1"
shift

# shellcheck disable=SC2086 # MAVEN_ARGS is a list of words
exec ./mvnw -B ${MAVEN_ARGS:-} test-compile failsafe:integration-test failsafe:verify -Dit.test="$tests" "$@"
