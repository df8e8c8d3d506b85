#!/bin/bash
# The service as a user runs it (bin/drizzle service run --user, private DRIZZLE_HOME): RSS idle and
# with N queued jobs, one-shot `bin/drizzle Get-BitsTransfer` through it (quick path) and with no
# service (embedded engine), medians of 5.
# Usage: bench/service.sh [jobs]   (default 10000; needs the build: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${1:-10000}
WORK=$(mktemp -d /tmp/drizzle-bench.XXXXXX)
export DRIZZLE_HOME=$WORK/svc
FILL=""
trap '[ -z "$FILL" ] || kill "$FILL" 2>/dev/null; bin/drizzle service stop --user >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

CP="host/target/drizzle-host-0.1.0-SNAPSHOT.jar:$(cat host/target/classpath.txt)"
mkdir -p "$WORK/cls"
javac -nowarn -d "$WORK/cls" -cp "$CP" bench/ServiceBenchClient.java

rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$1/status; }
ms() { local s=$(date +%s%N); "$@" >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bin/drizzle service run --user > "$WORK/service.log" 2>&1 &
for i in $(seq 150); do bin/drizzle service status --user >/dev/null 2>&1 && break; sleep 0.2; done
SVC=$(cat /proc/$!/task/*/children 2>/dev/null | head -1); [ -n "$SVC" ] || SVC=$!
sleep 2
echo "service pid $SVC, idle RSS: $(rss $SVC)"
for i in 1 2 3 4 5; do ms bin/drizzle Get-BitsTransfer; done | median | xargs printf "bin/drizzle Get-BitsTransfer via the service: %s ms (median of 5)\n"
for i in 1 2 3 4 5; do DRIZZLE_HOME=$WORK/emb$i ms bin/drizzle Get-BitsTransfer; done | median | xargs printf "bin/drizzle Get-BitsTransfer, no service:    %s ms (median of 5)\n"

# The client keeps its never-answering server up (the jobs stay queued) until the end of the bench.
java -cp "$WORK/cls:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ServiceBenchClient fill "$DRIZZLE_HOME/user.sock" "$JOBS" \
    < /dev/null > "$WORK/fill.out" 2>&1 &
FILL=$!
while kill -0 "$FILL" 2>/dev/null && ! grep -q created "$WORK/fill.out"; do sleep 0.2; done
grep created "$WORK/fill.out" || { echo "service: filling the service failed:"; cat "$WORK/fill.out"; exit 1; }
sleep 3
echo "service RSS with $JOBS queued jobs: $(rss $SVC)"
for i in 1 2 3 4 5; do ms bin/drizzle Get-BitsTransfer; done | median | xargs printf "bin/drizzle Get-BitsTransfer listing $JOBS jobs: %s ms (median of 5)\n"
echo "service RSS after the listings: $(rss $SVC)"
