#!/usr/bin/env bash
# Box's expiry-sweep crash drill at full size (issue 43): BoxSweepCrashDrillIT uploads --files expired Box files
# (default 3000; ./mvnw verify: 300), has musubi serve in a child JVM sweep them and kills it with SIGKILL at a chosen
# file (its row held, so the kill comes exactly mid-sweep), then --kills more times at random moments (default 5;
# ./mvnw verify: none), each time checking that every file is whole or deleted with exactly one audit row, never rows
# gone and content kept. The rerun must leave no row and no part of an expired file, no leftover part older than the
# retention, one DELETE box.expired audit row per file, the live files downloadable and the audit chain intact. Each kill
# costs one server start (10–20 s on 2 cores).
#   bench/box-sweep-drill.sh                      # 3000 files, 6 kills: about 4 minutes on 2 cores
#   bench/box-sweep-drill.sh --files=10000 --kills=10
set -euo pipefail
cd "$(dirname "$0")/.."
files=3000
kills=5
for arg in "$@"; do
  case "$arg" in
    --files=*) files="${arg#--files=}" ;;
    --kills=*) kills="${arg#--kills=}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p target/bench
log="target/bench/box-sweep-drill-$(date +%Y%m%d-%H%M%S).log"
status=0
bench/it.sh BoxSweepCrashDrillIT -Dmusubi.crash.box-files="$files" -Dmusubi.crash.box-kills="$kills" > "$log" 2>&1 || status=$?
grep -E 'box sweep crash drill|Tests run: .*BoxSweepCrashDrillIT|FAIL|BUILD' "$log" || true
echo "log: $log"
exit "$status"
