#!/usr/bin/env bash
# The parsers' fuzz targets (every *FuzzTest, Jazzer) for a long run: ./mvnw verify fuzzes each for
# musubi.fuzz.seconds (10 s, pom.xml) after replaying its committed inputs; this runs the same surefire execution
# with more time, two targets at a time (one JVM each, one per core), and prints what each one found.
#   bench/fuzz.sh                                   # every target, 300 s each: about 20 minutes on 2 cores
#   bench/fuzz.sh --seconds=1800 --only=JahisReaderFuzzTest,LabHl7ReaderFuzzTest
# A finding fails its target and is written by Jazzer into src/test/resources/<package>/<Class>Inputs/<method>/
# (crash-…): once committed, every ./mvnw verify replays it. The corpus each run grows is kept in .cifuzz-corpus/
# (git ignores it) and replayed by the next run on this machine. Environment: JAVA_HOME (default: the Temurin 25 JDK),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
seconds=300
only=""
for arg in "$@"; do
  case "$arg" in
    --seconds=*) seconds="${arg#--seconds=}" ;;
    --only=*) only="${arg#--only=}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "--seconds takes a whole number of seconds: $seconds" >&2
  exit 2
fi

run_dir="target/bench/fuzz-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
corpus_files() {
  for dir in .cifuzz-corpus/*/*; do
    [ -d "$dir" ] && printf '%s %s\n' "${dir#.cifuzz-corpus/}" "$(find "$dir" -type f | wc -l)"
  done 2>/dev/null | sort
}
findings() {
  find src/test/resources -path '*FuzzTestInputs/*' -type f -name 'crash-*' | sort
}
corpus_files > "$run_dir/corpus-before.txt"
findings > "$run_dir/findings-before.txt"

test_filter=()
if [ -n "$only" ]; then
  test_filter=("-Dtest=$only")
fi
started=$(date +%s)
status=0
# shellcheck disable=SC2086 # MAVEN_ARGS is a list of words
./mvnw -B ${MAVEN_ARGS:-} test-compile surefire:test@fuzz -Dmusubi.fuzz.seconds="$seconds" "${test_filter[@]}" \
    > "$run_dir/maven.log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - started ))
corpus_files > "$run_dir/corpus-after.txt"
findings > "$run_dir/findings-after.txt"

echo "fuzz targets, ${seconds} s each, $((elapsed / 60)) min $((elapsed % 60)) s in all (log: $run_dir/maven.log)"
grep -E 'Tests run: .* -- in ' "$run_dir/maven.log" | sed -E 's/^\[[A-Z]+\] //; s/ -- in org\.musubi\./  /' || true
echo "libFuzzer's runs per target (in the order they ended):"
grep -oE 'Done [0-9]+ runs in [0-9]+ second\(s\)' "$run_dir/maven.log" | sed 's/^/  /' || true
echo "corpus files per target (.cifuzz-corpus, before → after):"
join -a 2 -e 0 -o '0,1.2,2.2' "$run_dir/corpus-before.txt" "$run_dir/corpus-after.txt" \
    | awk '{ printf "  %-90s %6d → %6d\n", $1, $2, $3 }'
new_findings=$(comm -13 "$run_dir/findings-before.txt" "$run_dir/findings-after.txt")
if [ -n "$new_findings" ]; then
  echo "new findings (commit them with the fix: ./mvnw verify replays them):"
  echo "$new_findings" | sed 's/^/  /'
else
  echo "no new findings"
fi
exit "$status"
