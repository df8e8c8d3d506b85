#!/usr/bin/env bash
# 10 000 jobs through a LocalEngine on a fresh SQLite store: time to create them (CreateJob +
# AddFile + Resume, one transaction each), to list them (target < 1 s), a scheduler pass with
# one job running and the rest queued, a pass with all of them blocked, re-opening the store,
# and the JVM's resident memory. Jobs transfer nothing (a test transport that generates bytes).
# Usage: bench/jobs10k.sh [jobs]        (default 10000)
set -euo pipefail
JOBS=${1:-10000}
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${DRIZZLE_BUILD:-target-bench}
WORK=$(mktemp -d /tmp/drizzle-jobs10k-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
. "$REPO/bench/common.sh"
engine_classpath
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.drizzle.engine.store.Jobs10kBench "$JOBS"
