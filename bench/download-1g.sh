#!/usr/bin/env bash
# 1 GiB loopback download, Foreground job: Drizzle (LocalEngine + HttpTransport, through the
# store and scheduler) against `curl -o`, both from the same FaultServer (HttpCore 5, file-backed,
# Range/ETag). Rounds alternate; reports the median time of each and median-based throughput ratio.
# Drizzle's time runs from Resume to a completed job inside its JVM (start-up excluded).
# Usage: bench/download-1g.sh [rounds] [size-MiB]      (defaults: 5 rounds, 1024 MiB; target ratio >= 0.95)
set -euo pipefail
ROUNDS=${1:-5}
MIB=${2:-1024}
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${DRIZZLE_BUILD:-target-bench}
WORK=$(mktemp -d /tmp/drizzle-download-bench.XXXXXX)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# Drizzle runs as a warm service would (one untimed job first in the same JVM); DRIZZLE_COLD=1 times a fresh JVM.
WARM=--warm; [ "${DRIZZLE_COLD:-0}" = 1 ] && WARM=""
. "$REPO/bench/common.sh"
engine_classpath
JAVA=(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")
# DRIZZLE_CHECKPOINT_MIB=N: the engine makes progress durable (fsync + store) every N MiB instead of its default.
[ -n "${DRIZZLE_CHECKPOINT_MIB:-}" ] && JAVA+=(-Dbench.checkpointMiB="$DRIZZLE_CHECKPOINT_MIB")

mkdir -p "$WORK/src" "$WORK/dest"
echo "creating a ${MIB} MiB source file"
head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/src/big.bin"
SUM=$(sha256sum "$WORK/src/big.bin" | cut -d' ' -f1)

start_bench_server "$WORK/src"
URL="http://127.0.0.1:$PORT/big.bin"
echo "$URL" > "$WORK/urls.txt"
curl -s -o /dev/null "$URL"   # warm the page cache and the server JIT once

bytes=$((MIB * 1024 * 1024))
: > "$WORK/curl.t"; : > "$WORK/drizzle.t"; : > "$WORK/transport.t"
for r in $(seq "$ROUNDS"); do
  rm -f "$WORK/curl.bin"; rm -rf "$WORK/dest" "$WORK/store"; mkdir -p "$WORK/dest"; sync
  c=$(curl -s -o "$WORK/curl.bin" -w '%{time_total}' "$URL")
  [ "$(sha256sum "$WORK/curl.bin" | cut -d' ' -f1)" = "$SUM" ] || { echo "curl download differs"; exit 1; }
  rm -f "$WORK/curl.bin"; sync
  d=$("${JAVA[@]}" org.drizzle.engine.transfer.BenchDownload "$WORK/store" "$WORK/urls.txt" "$WORK/dest" $WARM)
  [ "$(sha256sum "$WORK/dest/big.bin" | cut -d' ' -f1)" = "$SUM" ] || { echo "drizzle download differs"; exit 1; }
  rm -rf "$WORK/dest"; mkdir -p "$WORK/dest"; sync
  # The transport alone (no store, no fsync checkpoints), warm: where the engine's time goes.
  t=$("${JAVA[@]}" org.drizzle.engine.transfer.BenchTransport "$WORK/urls.txt" "$WORK/dest" 2 | tail -1)
  rm -f "$WORK/dest/big.bin"
  echo "$c" >> "$WORK/curl.t"; echo "$d" >> "$WORK/drizzle.t"; echo "$t" >> "$WORK/transport.t"
  printf 'round %d: curl %6.2f s (%7.1f MB/s)   drizzle %6.2f s (%7.1f MB/s)   transport only %6.2f s\n' "$r" \
      "$c" "$(echo "$bytes / $c / 1000000" | bc -l)" "$d" "$(echo "$bytes / $d / 1000000" | bc -l)" "$t"
done
mc=$(median < "$WORK/curl.t"); md=$(median < "$WORK/drizzle.t"); mt=$(median < "$WORK/transport.t")
printf 'median: curl %.2f s, drizzle %.2f s; drizzle throughput = %.2f x curl (target >= 0.95)\n' \
    "$mc" "$md" "$(echo "$mc / $md" | bc -l)"
printf 'median transport alone (no durable checkpoints): %.2f s = %.2f x curl\n' "$mt" "$(echo "$mc / $mt" | bc -l)"
