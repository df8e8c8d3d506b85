#!/usr/bin/env bash
# 1 000 x 10 KiB files: one Drizzle job (LocalEngine, files in order as BITS does) against a
# `curl` loop over the same URLs and against `aria2c -i` (its defaults: 5 parallel downloads),
# all from the same FaultServer. Reports files/s of each (median of the rounds).
# Drizzle's time runs from Resume to a completed job inside its JVM (start-up excluded).
# Usage: bench/many-small.sh [rounds] [files]      (defaults: 3 rounds, 1000 files; target >= 1x aria2c)
set -euo pipefail
ROUNDS=${1:-3}
FILES=${2:-1000}
REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${DRIZZLE_BUILD:-target-bench}
WORK=$(mktemp -d /tmp/drizzle-small-bench.XXXXXX)
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

if ! command -v aria2c >/dev/null; then
  echo "installing aria2"; apt-get install -y aria2 >/dev/null
fi

# Drizzle runs as a warm service would (one untimed job first in the same JVM); DRIZZLE_COLD=1 times a fresh JVM.
WARM=--warm; [ "${DRIZZLE_COLD:-0}" = 1 ] && WARM=""
. "$REPO/bench/common.sh"
engine_classpath
JAVA=(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP")
# DRIZZLE_CHECKPOINT_MIB=N: the engine makes progress durable (fsync + store) every N MiB instead of its default.
[ -n "${DRIZZLE_CHECKPOINT_MIB:-}" ] && JAVA+=(-Dbench.checkpointMiB="$DRIZZLE_CHECKPOINT_MIB")

mkdir -p "$WORK/src"
for i in $(seq -w 1 "$FILES"); do head -c 10240 /dev/urandom > "$WORK/src/f$i.bin"; done
(cd "$WORK/src" && sha256sum ./*.bin | sort) > "$WORK/sums"

start_bench_server "$WORK/src"
for f in "$WORK"/src/*.bin; do echo "http://127.0.0.1:$PORT/$(basename "$f")"; done > "$WORK/urls.txt"
# Warm the server's JIT once with every URL (one curl process, a config line pair per URL).
awk '{print "url = \"" $0 "\""; print "output = \"/dev/null\""}' "$WORK/urls.txt" > "$WORK/warm.cfg"
curl -s -K "$WORK/warm.cfg"

check() { (cd "$1" && sha256sum ./*.bin | sort) | cmp -s - "$WORK/sums" || { echo "$2 files differ"; exit 1; }; }
now() { date +%s.%N; }
: > "$WORK/curl.t"; : > "$WORK/aria.t"; : > "$WORK/drizzle.t"; : > "$WORK/transport.t"
for r in $(seq "$ROUNDS"); do
  rm -rf "$WORK/c" "$WORK/a" "$WORK/d" "$WORK/store"; mkdir -p "$WORK/c" "$WORK/a" "$WORK/d"; sync
  t0=$(now)
  while read -r u; do curl -s -o "$WORK/c/${u##*/}" "$u"; done < "$WORK/urls.txt"
  c=$(echo "$(now) - $t0" | bc -l); check "$WORK/c" curl
  t0=$(now)
  aria2c -q -i "$WORK/urls.txt" -d "$WORK/a" --allow-overwrite=true --auto-file-renaming=false
  a=$(echo "$(now) - $t0" | bc -l); check "$WORK/a" aria2c
  d=$("${JAVA[@]}" org.drizzle.engine.transfer.BenchDownload "$WORK/store" "$WORK/urls.txt" "$WORK/d" $WARM)
  check "$WORK/d" drizzle
  # The transport alone (no store, no fsync checkpoints), warm: where the engine's time goes.
  mkdir -p "$WORK/t"; t=$("${JAVA[@]}" org.drizzle.engine.transfer.BenchTransport "$WORK/urls.txt" "$WORK/t" 2 | tail -1)
  check "$WORK/t" transport; rm -rf "$WORK/t"
  echo "$c" >> "$WORK/curl.t"; echo "$a" >> "$WORK/aria.t"; echo "$d" >> "$WORK/drizzle.t"; echo "$t" >> "$WORK/transport.t"
  printf 'round %d: curl loop %6.2f s (%6.0f files/s)  aria2c %6.2f s (%6.0f files/s)  drizzle %6.2f s (%6.0f files/s)  transport only %6.2f s\n' \
      "$r" "$c" "$(echo "$FILES / $c" | bc -l)" "$a" "$(echo "$FILES / $a" | bc -l)" "$d" "$(echo "$FILES / $d" | bc -l)" "$t"
done
mc=$(median < "$WORK/curl.t"); ma=$(median < "$WORK/aria.t"); md=$(median < "$WORK/drizzle.t"); mt=$(median < "$WORK/transport.t")
printf 'median files/s: curl loop %.0f, aria2c %.0f, drizzle %.0f; drizzle = %.2f x aria2c (target >= 1), %.2f x curl loop\n' \
    "$(echo "$FILES / $mc" | bc -l)" "$(echo "$FILES / $ma" | bc -l)" "$(echo "$FILES / $md" | bc -l)" \
    "$(echo "$ma / $md" | bc -l)" "$(echo "$mc / $md" | bc -l)"
printf 'median transport alone (no store, no durable checkpoints): %.0f files/s = %.2f x aria2c\n' \
    "$(echo "$FILES / $mt" | bc -l)" "$(echo "$ma / $mt" | bc -l)"
