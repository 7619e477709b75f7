#!/usr/bin/env bash
# Compose and render a letter with 5 attachments (issue 42, closing note: p95 ≤ 500 ms): the letter, its JP-CLINS
# document Bundle encoded as JSON, its A4 PDF with the Japanese font embedded, through
# org.musubi.bench.LetterRenderBenchmark. No database. Arguments are passed through, e.g.
#   bench/letters.sh --warmup=30 --letters=200 --attachments=5
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms256m -Xmx1g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.LetterRenderBenchmark "$@"
