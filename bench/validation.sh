#!/usr/bin/env bash
# Base FHIR R4 validation cost: the validator's first call, then the time per resource of synthetic
# clinical records, one at a time and in transaction Bundles. Runs org.musubi.bench.ValidationBenchmark
# on the test classpath; arguments are passed through, e.g.
#   bench/validation.sh --resources=2000 --bundle=100
# Environment: JAVA_HOME, JAVA_OPTS, MAVEN_ARGS as for bench/run.sh.
set -euo pipefail
exec "$(dirname "$0")/run.sh" org.musubi.bench.ValidationBenchmark "$@"
