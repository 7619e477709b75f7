#!/usr/bin/env bash
# Candidate search against the real (embedded) PostgreSQL: loads N synthetic persons with their
# blocking keys, then times candidate queries. Usage: bench/candidates.sh [--persons=3000000] [--queries=5000]
# Environment as for bench/run.sh; JAVA_OPTS defaults to -Xmx4g.
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xmx4g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.CandidateQueryBenchmark "$@"
