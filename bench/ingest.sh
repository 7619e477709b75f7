#!/usr/bin/env bash
# End-to-end imports of issue 5 (SS-MIX2 >= 5,000 messages/s with heap <= 1 GB; JAHIS >= 20,000
# dispensing records/s, on 2 cores): synth writes the facilities' source files (kept in
# /tmp/musubi-ingest-sources-<persons>x<messages> for later runs, or -Dmusubi.bench.sources=DIR), then
# org.musubi.bench.IngestBenchmark imports them into an empty embedded database. Arguments, e.g.
#   bench/ingest.sh                                   # 10,000 persons, ~1 M messages
#   bench/ingest.sh --persons=1000 --messages=100     # ~100 k messages
#   bench/ingest.sh --limit=200000 --jahis=0          # stop after 200 k SS-MIX2 records, no JAHIS
#   bench/ingest.sh --uke=5000                        # instead: a year of a 5,000-patient clinic's receipt files (UKE)
#   bench/ingest.sh --settle=0                        # JAHIS right after SS-MIX2, with autovacuum still at work
#     (by default the database is vacuumed and analysed between the two, untimed: bench/README.md)
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms1g -Xmx1g: a heap of 1 GB
# from the start; grown from a small one, G1 kept its young generation small and ran a concurrent marking
# cycle a second), MAVEN_ARGS.
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.IngestBenchmark "$@"
