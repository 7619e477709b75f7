#!/usr/bin/env bash
# Issue 24: Synthea's transaction Bundles, unmodified, posted by one client to Musubi's FHIR API (default validation
# mode), then Patient/$everything of each patient; optionally the same against another FHIR server, e.g. a HAPI FHIR
# JPA starter started by hand (bench/README.md, "FHIR write path"):
#   bench/fhir-ingest.sh --persons=20
#   JAVA_OPTS="-Xms1g -Xmx4g -Dmusubi.bench.compare=http://localhost:8080/fhir" bench/fhir-ingest.sh --persons=20
#   JAVA_OPTS="-Xms1g -Xmx4g -Dmusubi.fhir.validation=full" bench/fhir-ingest.sh    # another validation mode
# Synthea runs in its own JVM (bench/synthea/pom.xml); its output is kept under target/synthea, never committed.
# Environment: JAVA_HOME, JAVA_OPTS (default -Xms1g -Xmx4g), MAVEN_ARGS as for bench/run.sh.
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx4g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.SyntheaIngestBenchmark "$@"
