#!/usr/bin/env bash
# A home-care team's workspace with two years of entries (issue 44, closing note: the care-team timeline with 2 years
# of notes, p95 ≤ 100 ms): 4 care notes and one blood pressure + pulse a day for 730 days, a task a week, all written
# through the workspace's write door, then the timeline's first page, an older page, the task list and the home page's
# count as the team's pharmacist, by org.musubi.bench.CareTeamTimelineBenchmark on an embedded PostgreSQL of its own.
# Arguments are passed through, e.g.
#   bench/care-team-timeline.sh --days=730 --notes-per-day=4 --rounds=300
# Environment: JAVA_HOME (default: the Temurin 25 JDK), JAVA_OPTS (default: -Xms256m -Xmx1g),
# MAVEN_ARGS (extra Maven arguments, e.g. -o to stay offline).
set -euo pipefail
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx1g}" exec "$(dirname "$0")/run.sh" org.musubi.bench.CareTeamTimelineBenchmark "$@"
