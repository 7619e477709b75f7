#!/usr/bin/env bash
# A facility's regional pathway list (issue 44, closing note: 5,000 enrolments, first page p95 ≤ 100 ms), by
# org.musubi.bench.PathwayListBenchmark on an embedded PostgreSQL of its own: the facility's 5,000 enrolments (and
# other facilities' beside them), its persons linked to it, listed through carenet.enrolment.Pathways — first page of
# all, first page of one template's active ones, a deep page — and the home page's count of its due stages.
#   bench/pathway-list.sh --enrolments=5000 --others=20000 --rounds=500
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms256m -Xmx1g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.PathwayListBenchmark "$@"
