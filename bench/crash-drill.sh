#!/usr/bin/env bash
# The server crash drill at its full size (issue 7): ServerCrashDrillIT kills musubi serve with SIGKILL while a
# pharmacy's system uploads JAHIS notebooks (40 a kill: 800 for 20 kills), --kills times (default 20; ./mvnw verify
# kills it 4 times among 200 notebooks), then checks that every acknowledged notebook is stored exactly once, nothing
# twice, one audit row per dispensing and an intact audit chain. Each kill costs one server start (5–12 s on 2 cores).
#   bench/crash-drill.sh                # 20 kills: about 3 minutes on 2 cores
#   bench/crash-drill.sh --kills=100
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
log="target/bench/crash-drill-$(date +%Y%m%d-%H%M%S).log"
status=0
bench/it.sh ServerCrashDrillIT -Dmusubi.crash.server-kills="$kills" > "$log" 2>&1 || status=$?
grep -E 'server crash drill:|Tests run: .*ServerCrashDrillIT|FAIL|BUILD' "$log" || true
echo "log: $log"
exit "$status"
