#!/bin/bash
# Service benchmark: one-shot Get-BitsTransfer (listJobs) through the running service vs an
# embedded engine (wall time), and the service's RSS idle and with 10 000 queued jobs.
# Usage: bench/service.sh [jobs]   (default 10000; needs the engine built: mvn -pl engine -am package;
#        with host/<build>/classpath.txt present it also times the real bin/drizzle launcher)
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${1:-10000}
BUILD=${DRIZZLE_BUILD:-target}
WORK=$(mktemp -d /tmp/drizzle-bench.XXXXXX)
trap 'kill $SVC 2>/dev/null || true; kill $FILL 2>/dev/null || true; rm -rf "$WORK"' EXIT

CP=engine/$BUILD/classes:policy/$BUILD/classes
if [ -z "${DEPS:-}" ]; then
  mvn -B -q -o -Ddrizzle.build=$BUILD -pl engine dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  DEPS=$(cat "$WORK/cp.txt")
fi
CP=$CP:$DEPS
mkdir -p "$WORK/cls"
javac -nowarn -d "$WORK/cls" -cp "$CP" bench/ServiceBenchClient.java
JAVA="java -cp $WORK/cls:$CP -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"

rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$1/status; }
ms() { local s=$(date +%s%N); "$@" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

SOCK=$WORK/s.sock
$JAVA org.drizzle.engine.service.ServiceMain run --user --socket "$SOCK" --store "$WORK/store" \
      --config "$WORK/etc" --session-source none > "$WORK/service.log" 2>&1 &
SVC=$!
for i in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.1; done
sleep 3
echo "service pid $SVC, idle RSS: $(rss $SVC)"

for i in 1 2 3 4 5; do ms $JAVA ServiceBenchClient list remote "$SOCK"; done | median | xargs printf "one-shot list via service:  %s ms (median of 5)\n"
for i in 1 2 3 4 5; do ms $JAVA ServiceBenchClient list embedded "$WORK/embedded"; done | median | xargs printf "one-shot list embedded:     %s ms (median of 5)\n"

if [ -f "host/$BUILD/classpath.txt" ]; then
  # the real launcher: DRIZZLE_HOME keeps each engine's sockets and store apart
  export DRIZZLE_BUILD_DIR=$BUILD
  DRIZZLE_HOME=$WORK/svc bin/drizzle service run --user > "$WORK/svc.log" 2>&1 &
  SVC2=$!
  for i in $(seq 150); do DRIZZLE_HOME=$WORK/svc bin/drizzle service status --user >/dev/null 2>&1 && break; sleep 0.2; done
  for i in 1 2 3 4 5; do DRIZZLE_HOME=$WORK/svc ms bin/drizzle Get-BitsTransfer; done | median | xargs printf "bin/drizzle Get-BitsTransfer via service: %s ms (median of 5)\n"
  for i in 1 2 3 4 5; do DRIZZLE_HOME=$WORK/emb ms bin/drizzle Get-BitsTransfer; done | median | xargs printf "bin/drizzle Get-BitsTransfer embedded:    %s ms (median of 5)\n"
  DRIZZLE_HOME=$WORK/svc bin/drizzle service stop --user >/dev/null; wait $SVC2 || true
fi

mkfifo "$WORK/hold"
$JAVA ServiceBenchClient fill "$SOCK" "$JOBS" < "$WORK/hold" > "$WORK/fill.log" 2>&1 &
FILL=$!
exec 3> "$WORK/hold"
for i in $(seq 1800); do grep -q ready "$WORK/fill.log" 2>/dev/null && break; sleep 0.2; done
cat "$WORK/fill.log" | grep created || true
sleep 3
echo "service RSS with $JOBS queued jobs: $(rss $SVC)"
for i in 1 2 3; do ms $JAVA ServiceBenchClient list remote "$SOCK"; done | median | xargs printf "one-shot list via service with $JOBS jobs: %s ms (median of 3)\n"
exec 3>&-
wait $FILL || true
kill -TERM $SVC; wait $SVC || true
