#!/usr/bin/env bash
# The benchmark suite (issue 7): every benchmark, each in its own JVM, one after another. Each writes
# its headline figures as JSON (median, spread, target, PASS/MISS, peak heap and RSS) into
# target/bench/suite-<time>/ next to its full log; org.musubi.bench.SuiteReport then prints one table.
#   bench/suite.sh                                   # --scale=small: about 10 minutes on 2 cores
#   bench/suite.sh --scale=full                      # the issues' sizes (hours): 10 M resources, 3 M persons,
#                                                    # 1 M SS-MIX2 messages, 1,000 users for 10 minutes
#   bench/suite.sh --json=suite.json --compare=old-suite.json   # one JSON document; change of each median
#   bench/suite.sh --only=matching,candidates        # some of: micro matching candidates linkage ingest records load
#   bench/suite.sh --only=load --run-dir=target/bench/suite-X   # add to (or redo in) an earlier run's table
# Environment: JAVA_HOME (default: the Temurin 25 JDK), MAVEN_ARGS (e.g. -o to stay offline). Full-scale
# stores are kept under /tmp (musubi-suite-records, musubi-suite-load) and reused by later full runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=small json="" compare="" only="" run=""
for arg in "$@"; do
    case "$arg" in
        --scale=*) scale="${arg#*=}" ;;
        --json=*) json="${arg#*=}" ;;
        --compare=*) compare="${arg#*=}" ;;
        --only=*) only="${arg#*=}" ;;
        --run-dir=*) run="${arg#*=}" ;;
        --help) sed -n 2,13p "$0"; exit 0 ;;
        *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$scale" == small || "$scale" == full ]] || { echo "--scale is small or full" >&2; exit 2; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
run="${run:-target/bench/suite-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$run"
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of words
./mvnw -B -q -Pbench ${MAVEN_ARGS:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >&2
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
failed=0

bench() { # name "JVM options" main-class arguments...
    local name="$1" jvm="$2" main="$3"
    shift 3
    if [[ -n "$only" && ",$only," != *",$name,"* ]]; then return; fi
    local start
    start=$(date +%s)
    echo "== $name: $* (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086 # jvm is a list of words
    if ! "$JAVA_HOME/bin/java" $jvm -Dmusubi.bench.json="$run/$name.json" -cp "$classpath" "$main" "$@" \
            > "$run/$name.log" 2>&1; then
        echo "   FAILED: see $run/$name.log"
        failed=$((failed + 1))
    fi
    echo "   $(($(date +%s) - start)) s; log $run/$name.log"
}

bench micro "-Xmx2g" org.musubi.bench.MicroRun
if [[ "$scale" == small ]]; then
    bench matching "-Xms2g -Xmx8g" org.musubi.bench.MatchingBenchmark --persons=100000 --sources=20000
    bench candidates "-Xmx4g" org.musubi.bench.CandidateQueryBenchmark --persons=300000 --queries=2000
    bench linkage "-Xms2g -Xmx4g" org.musubi.bench.LinkageBenchmark --persons=100000 --sources=100000
    bench ingest "-Xms1g -Xmx1g" org.musubi.bench.IngestBenchmark --persons=1000 --messages=100
    bench records "-Xms2g -Xmx6g" org.musubi.bench.RecordStoreBenchmark --resources=1000000 --calls=100
    rm -rf "$run/load-data"
    bench load "-Xms1g -Xmx6g" org.musubi.bench.LoadBenchmark --users=200 --minutes=2 --ramp=30 --settle=20 \
        --resources=200000 --patients=400 --data-dir="$run/load-data" --html="$run/load.html"
    rm -rf "$run/load-data/postgres"
else
    bench matching "-Xms2g -Xmx8g" org.musubi.bench.MatchingBenchmark --persons=300000 --sources=60000
    bench candidates "-Xmx4g" org.musubi.bench.CandidateQueryBenchmark --persons=3000000
    bench linkage "-Xms2g -Xmx4g" org.musubi.bench.LinkageBenchmark --persons=3000000 --sources=1000000
    bench ingest "-Xms1g -Xmx1g" org.musubi.bench.IngestBenchmark
    records=/tmp/musubi-suite-records
    if [[ -f "$records/record-bench.properties" ]]; then reuse=--skip-load; else rm -rf "$records"; reuse=""; fi
    bench records "-Xms2g -Xmx6g" org.musubi.bench.RecordStoreBenchmark --data-dir="$records" $reuse
    load=/tmp/musubi-suite-load
    if [[ -f "$load/load-plan.tsv" ]]; then reuse=--skip-load; else rm -rf "$load"; reuse=""; fi
    bench load "-Xms1g -Xmx6g" org.musubi.bench.LoadBenchmark --data-dir="$load" --html="$run/load.html" $reuse
fi

"$JAVA_HOME/bin/java" -cp "$classpath" org.musubi.bench.SuiteReport "$run" ${json:+--json="$json"} \
    ${compare:+--compare="$compare"}
[[ $failed -eq 0 ]] || { echo "$failed benchmark(s) failed" >&2; exit 1; }
