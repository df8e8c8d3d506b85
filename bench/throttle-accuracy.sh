#!/usr/bin/env bash
# Throttle accuracy: a Low-priority job on a real LocalEngine downloads from a loopback
# FaultServer under a policy limit of 256 KB/s, 2 MB/s and 20 MB/s (BITS 2.0 schedule, all day;
# 1 KB = 1000 bytes as in policy Kbps). Rates are measured at the server's socket (bytes the
# client acknowledged, from `ss -ti`) once a second after a 2 s warm-up; reports the mean rate,
# its deviation from the limit, and the worst single-second deviation. On loopback the MSS is
# 64 KiB, so the server's per-second count moves in 64 KiB steps: at 256 KB/s one step is 25 %
# of a second's bytes, which bounds how small the worst 1 s figure can look there.
# Usage: bench/throttle-accuracy.sh [seconds-per-rate] [rates in bytes/s...]   (defaults: 10; 256000 2000000 20000000)
set -euo pipefail
SECONDS_PER_RATE=${1:-10}
shift || true
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${DRIZZLE_BUILD:-target-bench}
WORK=$(mktemp -d /tmp/drizzle-throttle-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
command -v ss >/dev/null || { echo "needs ss (iproute2)" >&2; exit 2; }

cd "$REPO"
if [ -n "${DRIZZLE_CP:-}" ]; then
  CP=$DRIZZLE_CP   # a ready class path (engine test-classes + classes + dependencies)
else
  mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine -am test-compile >/dev/null
  mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  # policy classes first: the reactor build is fresher than a drizzle-policy jar in ~/.m2
  CP="$REPO/policy/$BUILD/classes:$REPO/engine/$BUILD/test-classes:$REPO/engine/$BUILD/classes:$(cat "$WORK/cp.txt")"
fi
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  org.drizzle.engine.bandwidth.ThrottleAccuracyBench "$SECONDS_PER_RATE" "$@"
