#!/usr/bin/env bash
# A de-identified research extraction (issue 48, closing note): N synthetic persons of one hospital with a Condition
# (E11) and 3 HbA1c results each, every 50th opted out, extracted by the real job (cohort query, the record's research
# door, k-anonymity and de-identification, NDJSON into the blob store): resources per second and peak heap.
#   bench/research-extraction.sh                      # 100,000 persons
#   bench/research-extraction.sh --persons=10000      # a quick run
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.ResearchExtractionBenchmark "$@"
