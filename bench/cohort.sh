#!/usr/bin/env bash
# Cohort counts for research projects over a large network (issue 48): 1,000,000 persons with three Conditions each,
# generated straight into the embedded PostgreSQL; times four typical counts (p95 ≤ 2 s).
#   bench/cohort.sh                                  # the issue's size
#   bench/cohort.sh --persons=100000 --rounds=10     # a quick run
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.CohortBenchmark "$@"
