#!/usr/bin/env bash
# What one card check code costs on this JVM (docs/security.md, "A card number is a credential"): argon2id at the
# check codes' parameters (4 MiB, one pass) and the whole peppered check, on one thread and on every core, through
# org.musubi.bench.CheckCodeBenchmark. No database. Arguments are passed through, e.g.
#   bench/checkcodes.sh --warmup=300 --checks=1000 --threads=2
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms256m -Xmx1g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.CheckCodeBenchmark "$@"
