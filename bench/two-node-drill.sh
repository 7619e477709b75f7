#!/usr/bin/env bash
# The two-node crash drill at its full size (issue 41): TwoNodeCrashDrillIT runs node A (the test's server) and node B
# (musubi serve in a child JVM) on one PostgreSQL and kills node B with SIGKILL, --kills times (default 20; ./mvnw verify
# kills it twice), with JAHIS uploads, FHIR transactions and tus uploads in flight; what B did not answer is sent again
# to A. Then checks that every request was answered, every dispensing and observation is stored exactly once with one
# audit row, and the audit chain verifies. Each kill costs one start of node B (5-12 s on 2 cores).
#   bench/two-node-drill.sh                # 20 kills: about 5 minutes on 2 cores
#   bench/two-node-drill.sh --kills=50
set -euo pipefail
cd "$(dirname "$0")/.."
kills=20
for arg in "$@"; do
  case "$arg" in
    --kills=*) kills="${arg#--kills=}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p target/bench
log="target/bench/two-node-drill-$(date +%Y%m%d-%H%M%S).log"
status=0
bench/it.sh TwoNodeCrashDrillIT -Dmusubi.crash.two-node-kills="$kills" > "$log" 2>&1 || status=$?
grep -E 'two-node crash drill:|Tests run: .*TwoNodeCrashDrillIT|FAIL|BUILD' "$log" || true
echo "log: $log"
exit "$status"
