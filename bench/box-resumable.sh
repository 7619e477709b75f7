#!/usr/bin/env bash
# A 6 GB Box upload through the resumable protocol (tus), cut off and resumed, against the real server in a child JVM
# capped at 192 MB of heap (issue 43: the heap stays below 256 MB, the stored bytes equal the sent bytes), by
# org.musubi.bench.BoxResumableBenchmark on an embedded PostgreSQL and a blob directory of its own. Needs about twice
# the file's size free under /tmp for a moment (the upload's parts, then the Box file). Arguments are passed through:
#   bench/box-resumable.sh --mb=6144 --cut-percent=40 --heap-mb=192
# Environment: JAVA_HOME (default: the Temurin 25 JDK), MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx512m}" exec "$(dirname "$0")/run.sh" org.musubi.bench.BoxResumableBenchmark "$@"
