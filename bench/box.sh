#!/usr/bin/env bash
# Box's upload and download of one large file (issue 43, closing note: 1 GB within 80 % of a plain copy on the same
# disk, constant memory), by org.musubi.bench.BoxThroughputBenchmark on an embedded PostgreSQL and a blob store of its
# own in a temporary directory. Arguments are passed through, e.g.
#   bench/box.sh --mb=1024
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms64m -Xmx256m: the heap stays small),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx256m}" exec "$(dirname "$0")/run.sh" org.musubi.bench.BoxThroughputBenchmark "$@"
