#!/usr/bin/env bash
# Synthea's FHIR R4 Bundles for the ingest benchmarks: generates a population (Synthea 3.3.0 in a JVM of its own,
# class path from bench/synthea/pom.xml, downloaded once) into target/synthea/ or reuses it, and prints what the
# Bundles hold. Runs org.musubi.bench.SyntheaGeneration on the test classpath, e.g.
#   bench/synthea.sh --seed=1 --patients=100
# Environment: JAVA_HOME, JAVA_OPTS, MAVEN_ARGS as for bench/run.sh. Never commit what it generates.
set -euo pipefail
exec "$(dirname "$0")/run.sh" org.musubi.bench.SyntheaGeneration "$@"
