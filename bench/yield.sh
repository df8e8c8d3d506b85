#!/usr/bin/env bash
# Yield benchmark (root): on a 20 Mbit/s tbf bottleneck in a router namespace (300 ms of
# queue, like a DSL modem), a foreground download runs alone (its solo rate), then a Drizzle
# Normal-priority job runs alone, then the foreground flow runs 10 s next to it, then the job
# alone again. Both flows are counted per 100 ms where they arrive. Each scenario runs with
# the idle-bandwidth estimator ("idle") and without it ("none": background at full speed, the
# cost to the foreground), with the foreground on Drizzle's own NIC ("own") and on another host
# that only shares the bottleneck ("beyond"), and for each congestion control the server uses
# (set per connection: cubic = Linux's default, fills queues; bbr = keeps them short).
# Writes one CSV per run, summary.txt (every run), medians.txt (median [min..max] per
# scenario) and yield.png to the output folder.
# Figures: time until the background is under 10 % of the link, the foreground's share while
# contended, time until the background is back to 80 %, background share while alone.
# Usage: sudo bench/yield.sh [out-dir] [own|beyond|both] [cubic,bbr] [idle,none] [runs]
#        (defaults: bench-out/yield, both, cubic,bbr, idle,none, 1)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$REPO/bench-out/yield}")
WHICH=${2:-both}
CONGESTION=${3:-cubic,bbr}
MODES=${4:-idle,none}
RUNS=${5:-1}
BUILD=${DRIZZLE_BUILD:-target-bench}
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces and tc)" >&2; exit 2; }
command -v ip >/dev/null && command -v tc >/dev/null || { echo "needs iproute2 (ip, tc)" >&2; exit 2; }
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/drizzle-yield-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

cd "$REPO"
if [ -n "${DRIZZLE_CP:-}" ]; then
  CP=$DRIZZLE_CP   # a ready class path (engine test-classes + classes + dependencies)
else
  mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine -am test-compile >/dev/null
  mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  CP="$REPO/policy/$BUILD/classes:$REPO/engine/$BUILD/test-classes:$REPO/engine/$BUILD/classes:$(cat "$WORK/cp.txt")"
fi
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  --add-opens java.base/java.net=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED \
  --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$CP" org.drizzle.engine.bandwidth.YieldBench "$OUT" "$WHICH" "$CONGESTION" "$MODES" "$RUNS"

# Plot: matplotlib from Debian (a person would rather look than read).
PY=/usr/bin/python3
if ! $PY -c 'import matplotlib' 2>/dev/null; then
  apt-get install -y -q python3-matplotlib >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q python3-matplotlib >/dev/null; }
fi
$PY "$REPO/bench/plot-yield.py" "$OUT"
echo "figures: $OUT/summary.txt, $OUT/medians.txt  plot: $OUT/yield.png"
