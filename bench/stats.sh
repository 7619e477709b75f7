#!/usr/bin/env bash
# The secretariat's dashboard on a large network (issue 45): 1,200 facilities, 300,000 persons and a year of audit
# rows generated straight into the embedded PostgreSQL; times the rollups' refresh and the dashboard (p95 ≤ 500 ms).
#   bench/stats.sh                                                   # the issue's size
#   bench/stats.sh --facilities=120 --persons=30000 --audit-per-day=1000   # a quick run
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.StatisticsBenchmark "$@"
