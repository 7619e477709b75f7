#!/usr/bin/env bash
# The imaging viewer (issue 47, closing note): first image on screen p95 <= 1 s for a 200-image CT series on loopback
# (Chromium, navigation start to the first frame drawn) and the DICOMweb proxy's throughput within 80 % of reading the
# frames straight from Orthanc, by org.musubi.imaging.viewer.ViewerBenchmark in the integration tests' context (an
# embedded PostgreSQL, the shared Orthanc on loopback; needs Debian's orthanc, orthanc-dicomweb, dcmtk, chromium and
# chromium-driver). Options: -Dmusubi.bench.images=200 -Dmusubi.bench.opens=20 -Dmusubi.bench.rounds=3
# -Dmusubi.bench.size=64 (rows and columns of each image; a real CT's are 512).
# Environment: JAVA_HOME (default: the Temurin 25 JDK), MAVEN_ARGS (e.g. -o to stay offline).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw ${MAVEN_ARGS:-} verify -Dmusubi.fuzz.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ViewerBenchmark -Dfailsafe.failIfNoSpecifiedTests=false "$@" | tee target/viewer-bench.log \
    | grep -E "VIEWER BENCH|round [0-9]|Tests run|SKIPPED|BUILD" || true
grep -h "VIEWER BENCH" target/failsafe-reports/*ViewerBenchmark-output.txt 2>/dev/null || true
