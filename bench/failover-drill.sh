#!/usr/bin/env bash
# The PostgreSQL failover drill (issue 66): FailoverDrillIT sets up Debian's pg_auto_failover on loopback ports (a
# monitor, a primary and a synchronous secondary, PostgreSQL 15, as the postgres user when run as root, data in a
# temporary directory), runs two Musubi nodes on it through PgJDBC's multi-host URL (targetServerType=primary) under the
# mixed load of the two-node drill (FHIR transactions, JAHIS uploads, tus uploads, to both nodes in turn), kills the
# primary's keeper and PostgreSQL with SIGKILL, and shows: the secondary promoted, both nodes writing again by
# themselves, every acknowledged write stored once with its audit row, the audit chain verifying, and the time from
# the kill to each node's first acknowledged write. Needs: apt-get install postgresql-15-auto-failover (pg_autoctl).
# Not part of ./mvnw verify (see bench/README.md).
#   bench/failover-drill.sh                  # about 3 minutes on 2 cores
#   bench/failover-drill.sh --after=30       # keep the load running 30 s after both nodes wrote again (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
after=10
for arg in "$@"; do
  case "$arg" in
    --after=*) after="${arg#--after=}" ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done
if ! command -v pg_autoctl >/dev/null 2>&1; then
  echo "pg_autoctl not found: apt-get install postgresql-15-auto-failover" >&2
  exit 2
fi
mkdir -p target/bench
log="target/bench/failover-drill-$(date +%Y%m%d-%H%M%S).log"
status=0
bench/it.sh FailoverDrillIT -Dmusubi.failover.drill=true -Dmusubi.failover.after-seconds="$after" -Dmusubi.it.forks=1 \
  > "$log" 2>&1 || status=$?
grep -E -A4 'failover drill:|Tests run: .*FailoverDrillIT|FAIL|BUILD' "$log" || true
echo "log: $log"
exit "$status"
