#!/usr/bin/env bash
# Audit appends under concurrency (issue 23): 1, 8, 64, … concurrent writers each appending one row at a time
# (as a request does) to the embedded database; prints appends/s and the latency of one durable append.
#   bench/audit.sh                          # up to 256 writers, 15 s each
#   bench/audit.sh --writers=64 --seconds=5
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx2g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.AuditAppendBenchmark "$@"
