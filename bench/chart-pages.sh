#!/usr/bin/env bash
# The viewer's chart (タイムライン) and お薬 pages of the demo's largest patient, as a clinician opens them: p50 and p95
# of N requests each, one at a time, over HTTP, against a running demo server (the README's ./mvnw spring-boot:run,
# or java -jar target/musubi.jar on an empty data directory). The patient is the demo's largest one on doctor1's home
# list, 青木 勇 (found by name: the list's 未閲覧 counts change as the pages are read). Before and after a change, run it
# against each build on the same machine with nothing else running (bench/README.md, "The viewer's chart and お薬
# pages").
#   bench/chart-pages.sh [--base=http://localhost:8080] [--requests=200] [--warmup=40] [--name=青木 勇]
set -euo pipefail
base=http://localhost:8080
requests=200
warmup=40
name="青木 勇"
for arg in "$@"; do
  case "$arg" in
    --base=*) base="${arg#*=}" ;;
    --requests=*) requests="${arg#*=}" ;;
    --warmup=*) warmup="${arg#*=}" ;;
    --name=*) name="${arg#*=}" ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

# doctor1 with the demo password and the code the demo's second-factor page shows (valid from its data-valid-from)
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
token="$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf)"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$token" -d "username=doctor1" \
  -d "password=musubi-demo" "$base/login"
page="$(curl -s -c "$jar" -b "$jar" "$base/login/second-factor")"
code="$(grep -o 'data-code="[0-9]*"' <<<"$page" | grep -o '[0-9]*')"
from="$(grep -o 'data-valid-from="[^"]*"' <<<"$page" | sed 's/.*="//;s/"$//')"
wait=$(( $(date -d "$from" +%s) - $(date +%s) ))
if [ "$wait" -gt 0 ]; then sleep $((wait + 1)); fi
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf <<<"$page")" -d "code=$code" \
  "$base/login/second-factor"

home="$(curl -s -c "$jar" -b "$jar" "$base/")"
person="$(tr '\n' ' ' <<<"$home" | grep -o "patients/[0-9]*\">$name<" | head -1 | sed 's/patients\/\([0-9]*\).*/\1/')"
if [ -z "$person" ]; then echo "doctor1's home lists no patient named $name: is the demo seeded?" >&2; exit 1; fi
echo "patient $person ($(tr '\n' ' ' <<<"$home" | grep -o "patients/$person\">[^<]*" | sed 's/.*>//'))"

measure() {
  local name="$1" path="$2" times
  for _ in $(seq "$warmup"); do curl -s -b "$jar" -o /dev/null "$base$path"; done
  times="$(for _ in $(seq "$requests"); do curl -s -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n)"
  awk -v name="$name" -v n="$requests" '{ t[NR] = $1 * 1000 } END {
    p50 = t[int(n * 0.50 + 0.5)]; p95 = t[int(n * 0.95 + 0.5)]
    printf "%-12s %d requests  p50 %.1f ms  p95 %.1f ms  max %.1f ms\n", name, n, p50, p95, t[n] }' <<<"$times"
}
status="$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$base/portal/patients/$person")"
if [ "$status" != 200 ]; then echo "the chart answered $status" >&2; exit 1; fi
measure chart "/portal/patients/$person"
measure medications "/portal/patients/$person/medications"
