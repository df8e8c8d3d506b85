#!/usr/bin/env bash
# 1 GiB loopback upload: Drizzle's BITS upload client -> Drizzle's BITS server, against
# `curl -T` (one HTTP PUT) -> a PUT server on the same HttpCore 5 stack. Runs alternate.
# Usage: bench/upload-1g.sh [rounds] [size-MiB]      (defaults: 3 rounds, 1024 MiB)
# BENCH_DIR=/dev/shm puts the file and both server roots on tmpfs (no disk writeback in the figures);
# DRIZZLE_BUILD, BITS_PORT and PUT_PORT choose the build folder and the two ports.
set -euo pipefail
ROUNDS=${1:-3}
MIB=${2:-1024}
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${DRIZZLE_BUILD:-target-bench}
WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/drizzle-upload-bench.XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

cd "$REPO"
mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine -am test-compile >/dev/null
mvn -B -q -o -Ddrizzle.build="$BUILD" -pl engine dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$REPO/engine/$BUILD/test-classes:$REPO/engine/$BUILD/classes:$(cat "$WORK/cp.txt")"

mkdir -p "$WORK/bits-root" "$WORK/put-root"
echo "creating a ${MIB} MiB source file"
head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/source.bin"

BITS_PORT=${BITS_PORT:-18480}
PUT_PORT=${PUT_PORT:-18481}
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.drizzle.engine.server.BitsServer \
    --root "$WORK/bits-root" --port "$BITS_PORT" --allow-overwrites >"$WORK/bits.log" 2>&1 &
PIDS+=($!)
java -cp "$CP" org.drizzle.engine.transfer.upload.PutServer "$PUT_PORT" "$WORK/put-root" >"$WORK/put.log" 2>&1 &
PIDS+=($!)
for port in "$BITS_PORT" "$PUT_PORT"; do
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
done

bytes=$((MIB * 1024 * 1024))
echo "load before: $(uptime)"
ratios=()
for r in $(seq "$ROUNDS"); do
  rm -f "$WORK"/bits-root/*.bin "$WORK"/put-root/*.bin; sync
  c=$(curl -s -o /dev/null -w '%{time_total}' -T "$WORK/source.bin" "http://127.0.0.1:$PUT_PORT/put/r$r.bin")
  cmp -s "$WORK/source.bin" "$WORK/put-root/r$r.bin" || { echo "curl upload differs"; exit 1; }
  rm -f "$WORK"/put-root/*.bin; sync
  d=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.drizzle.engine.transfer.upload.UploadBench \
      "http://127.0.0.1:$BITS_PORT/r$r.bin" "$WORK/source.bin" | awk '{print $1}')
  cmp -s "$WORK/source.bin" "$WORK/bits-root/r$r.bin" || { echo "drizzle upload differs"; exit 1; }
  ratio=$(echo "$c / $d" | bc -l)
  ratios+=("$ratio")
  printf 'round %d: curl PUT %6.2f s (%7.1f MB/s)   drizzle BITS %6.2f s (%7.1f MB/s)   drizzle/curl throughput %.2fx\n' "$r" \
      "$c" "$(echo "$bytes / $c / 1000000" | bc -l)" "$d" "$(echo "$bytes / $d / 1000000" | bc -l)" "$ratio"
done
echo "load after: $(uptime)"
# Each round's ratio compares two uploads run back to back under the same load; the median of
# those ratios is the figure (means of the times mix rounds with very different background load).
printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "drizzle throughput / curl throughput: median %.2fx, min %.2fx, max %.2fx over %d rounds (target >= 0.8)\n", m, v[1], v[NR], NR }'
