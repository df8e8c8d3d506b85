#!/usr/bin/env bash
# Drizzle as a user runs it (bin/drizzle, cold JVM; no service running, then with this user's service) against the peers a user
# would pick, all fetching from nginx on loopback, interleaved round by round; medians per case.
#   1 GiB:          curl -o | curl -o && sync | bin/drizzle Start-BitsTransfer (Foreground)
#   1000 x 10 KiB:  aria2c -i | curl -K (one process) | bin/drizzle, five Start-BitsTransfer calls of 200
#                   (five processes, and one script of five calls), and one call of 1000 with policy
#                   MaxFilesPerJob = 1000
#   3 bytes:        curl -o | bin/drizzle Start-BitsTransfer (and its very first run, which creates the store)
#   one-shot:       java -version | bin/drizzle Get-BitsTransfer
#   with the service: the 1000-file, 3-byte and Get-BitsTransfer cases again while this user's
#                   Drizzle service runs (bin/drizzle then takes the quick path: a thin client JVM,
#                   the service's warm engine transfers), a service that has done one transfer before
#   JVM floor:      two programs with none of Drizzle's code (bench/floor), built against the product's
#                   jars and started with bin/drizzle's JVM flags and their own AppCDS archives: what
#                   Get-BitsTransfer must do at least (StoreFloor: sqlite-jdbc opens the store, Jackson
#                   prints its jobs) beside java -version, and what 1000 durable downloads must do at
#                   least (FetchFloor: HttpClient 5 fetches, forces, renames) beside aria2c -i, and what a
#                   JVM client costs for an upload (UploadFloor: one HttpClient 5 PUT to nginx) beside curl -T
#   upload:         curl -T to nginx (WebDAV PUT), and curl -T then sync of the file nginx wrote |
#                   bin/drizzle Start-BitsTransfer -TransferType Upload to the bundled BITS server
#                   (bin/drizzle server, which forces the file before it acks), same size as the big file
# Writes bench/out/user-path.md (table) and bench/out/user-path.png (bar chart, when gnuplot exists).
# Needs nginx, aria2c and curl (apt-get install nginx-light aria2 curl; gnuplot-nox for the chart).
# Usage: bench/user-path.sh [rounds] [big-MiB]        (defaults: 3 rounds, 1024 MiB)
set -euo pipefail
ROUNDS=${1:-3}
MIB=${2:-1024}
REPO=$(cd "$(dirname "$0")/.." && pwd)
DRIZZLE="$REPO/bin/drizzle"
WORK=$(mktemp -d /tmp/drizzle-user-path.XXXXXX)
OUT="$REPO/bench/out"
NGINX=""
UPLOAD_SERVER=""
SERVICE=""
cleanup() {
  [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null
  [ -n "$UPLOAD_SERVER" ] && kill "$UPLOAD_SERVER" 2>/dev/null
  # Only the service this script started: its own DRIZZLE_HOME, then its pid.
  [ -n "$SERVICE" ] && { DRIZZLE_HOME="$WORK/home-service/.drizzle" "$DRIZZLE" service stop --user >/dev/null 2>&1 || kill "$SERVICE" 2>/dev/null; }
  rm -rf "$WORK"
}
trap cleanup EXIT
for tool in nginx aria2c curl; do
  command -v "$tool" >/dev/null || { echo "user-path: $tool is not installed (apt-get install nginx-light aria2 curl)" >&2; exit 2; }
done
. "$REPO/bench/common.sh"
mkdir -p "$OUT" "$WORK/www/small" "$WORK/www/put" "$WORK/run" "$WORK/up"
chmod 755 "$WORK"   # nginx's workers run as another user
chmod 777 "$WORK/www/put"

echo "creating the files (${MIB} MiB, 1000 x 10 KiB, 3 bytes)"
head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/www/big.bin"
for i in $(seq 1000); do head -c 10240 /dev/urandom > "$WORK/www/small/f$i.bin"; done
printf 'abc' > "$WORK/www/tiny.txt"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$WORK/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx.err;
events { worker_connections 1024; }
http { access_log off; sendfile on; keepalive_requests 10000; client_max_body_size 0;
  client_body_temp_path $WORK/www/put;
  server { listen 127.0.0.1:$PORT; root $WORK/www; location /put/ { dav_methods PUT; } } }
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" & NGINX=$!
sleep 0.5
BASE="http://127.0.0.1:$PORT"
UPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DRIZZLE_HOME="$WORK/server" "$DRIZZLE" server --root "$WORK/up" --port "$UPORT" --allow-overwrites > "$WORK/server.log" 2>&1 &
UPLOAD_SERVER=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$UPORT/" && break; sleep 0.1; done
curl -fs -o /dev/null "$BASE/big.bin"   # page cache warm for every peer alike

# The small-file lists: aria2c's input file, curl's config, five pairs of source/destination lists.
: > "$WORK/aria2.txt"; : > "$WORK/curl.cfg"
for i in $(seq 1000); do
  printf '%s/small/f%d.bin\n  out=f%d.bin\n' "$BASE" "$i" "$i" >> "$WORK/aria2.txt"
  printf 'url = "%s/small/f%d.bin"\noutput = "f%d.bin"\n' "$BASE" "$i" "$i" >> "$WORK/curl.cfg"
done
for c in 0 1 2 3 4; do
  : > "$WORK/src$c.txt"; : > "$WORK/dst$c.txt"
  for i in $(seq $((c * 200 + 1)) $((c * 200 + 200))); do
    echo "$BASE/small/f$i.bin" >> "$WORK/src$c.txt"; echo "@DEST@/f$i.bin" >> "$WORK/dst$c.txt"
  done
done

now() { date +%s.%N; }
KEPT=0
# t NAME COMMAND...: runs COMMAND in a fresh folder, appends its seconds to WORK/NAME.t. The last
# case's folder is moved aside, not deleted, unless it holds a big file: on ext4 without a journal
# a new file's inode is found past every inode freed in the last minutes (recently_deleted), so
# deleting a case's 1 000 files made whichever tool ran next create its files slower, more so
# round after round (aria2c 0.97 -> 1.8 s in six runs of deleting and fetching).
t() {
  local name=$1; shift
  if [ -d "$WORK/run" ]; then
    if [ "$(du -sm "$WORK/run" | cut -f1)" -gt 100 ]; then
      rm -rf "$WORK/run"
    else
      KEPT=$((KEPT + 1)); mv "$WORK/run" "$WORK/kept.$KEPT"
    fi
  fi
  mkdir -p "$WORK/run"; sync
  local s; s=$(now)
  (cd "$WORK/run" && "$@") > "$WORK/last.out" 2>&1 || { echo "user-path: $name failed:"; cat "$WORK/last.out"; exit 1; }
  echo "$(now) - $s" | bc >> "$WORK/$name.t"
}
# bin/drizzle with no service: a private store that no service serves, quick path off. Each kind of
# case keeps its store from run to run, as a user's is (only the very first run creates one:
# tiny_first). One store per kind: every start reads the finished jobs the store keeps for 15
# minutes (retention), and five rounds of every case in one store would keep ~9 000 file rows, far
# more than one user's quarter hour (that cost is measured apart: docs/store.md).
dz() { DRIZZLE_HOME="$WORK/home-$KIND/.drizzle" DRIZZLE_QUICK=0 "$DRIZZLE" "$@"; }
dz_first() { DRIZZLE_HOME="$WORK/run/.drizzle" DRIZZLE_QUICK=0 "$DRIZZLE" "$@"; }
# The same through this user's service (the quick path): its own store, policy given to the service.
dzs() { DRIZZLE_HOME="$WORK/home-service/.drizzle" "$DRIZZLE" "$@"; }
# dz_small [RUNNER]: five calls of 200 files, five bin/drizzle processes (dz, or dzs).
dz_small() {
  local run=${1:-dz}
  for c in 0 1 2 3 4; do
    sed "s#@DEST@#$WORK/run#" "$WORK/dst$c.txt" > "$WORK/run/dst.txt"
    $run -Command "Start-BitsTransfer -Source (Get-Content '$WORK/src$c.txt') -Destination (Get-Content '$WORK/run/dst.txt')"
  done
  [ "$(ls "$WORK/run" | grep -c '^f')" = 1000 ]
}
# dz_script [RUNNER]: a script's five calls in one bin/drizzle process (one JVM, one engine; or one
# quick-path client whose script the service runs).
dz_script() {
  local run=${1:-dz}
  : > "$WORK/run/calls.ps1"
  for c in 0 1 2 3 4; do
    sed "s#@DEST@#$WORK/run#" "$WORK/dst$c.txt" > "$WORK/run/dst$c.txt"
    echo "Start-BitsTransfer -Source (Get-Content '$WORK/src$c.txt') -Destination (Get-Content '$WORK/run/dst$c.txt')" >> "$WORK/run/calls.ps1"
  done
  $run -File "$WORK/run/calls.ps1"
  [ "$(ls "$WORK/run" | grep -c '^f')" = 1000 ]
}
# One job of 1000 files: the policy file raises MaxFilesPerJob (default 200).
echo '{"MaxFilesPerJob": 1000}' > "$WORK/policy.json"
cat "$WORK"/src[0-4].txt > "$WORK/src-all.txt"
dz_one_job() {
  local run=${1:-dz}
  cat "$WORK"/dst[0-4].txt | sed "s#@DEST@#$WORK/run#" > "$WORK/run/dst.txt"
  DRIZZLE_POLICY_FILE="$WORK/policy.json" $run -Command "Start-BitsTransfer -Source (Get-Content '$WORK/src-all.txt') -Destination (Get-Content '$WORK/run/dst.txt')"
  [ "$(ls "$WORK/run" | grep -c '^f')" = 1000 ]
}
KIND=get
dz "Get-BitsTransfer" > /dev/null 2>&1 || true   # first use builds and writes the AppCDS archive
# This user's service, on a private store (its quick-path port file appears when it is ready).
mkdir -p "$WORK/home-service/.drizzle"
DRIZZLE_HOME="$WORK/home-service/.drizzle" DRIZZLE_POLICY_FILE="$WORK/policy.json" \
  "$DRIZZLE" service run --user > "$WORK/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 300); do [ -f "$WORK/home-service/.drizzle/user-quick.port" ] && break; sleep 0.1; done
[ -f "$WORK/home-service/.drizzle/user-quick.port" ] || { echo "user-path: the service did not start:"; cat "$WORK/service.log"; exit 1; }
t service_first_transfer dz_one_job dzs   # a service that has run before: not its very first transfer
rm -f "$WORK/service_first_transfer.t"

# The JVM floor programs: compiled against the host's class path, each with its own AppCDS archive
# recorded by one run, the SQLite library loaded from bin/drizzle's per-user cache as the engine does.
# (AppCDS archives classes from jars only, so they are packed into one.)
IFS= read -r DEPS < "$REPO/host/${DRIZZLE_BUILD_DIR:-target}/classpath.txt" || true
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$WORK/floor/classes" "$WORK/floor/record"
"${JAVA}c" -d "$WORK/floor/classes" -cp "$DEPS" "$REPO"/bench/floor/*.java
"${JAVA%java}jar" cf "$WORK/floor/floor.jar" -C "$WORK/floor/classes" .
FLOOR_OPTS=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss4m -Xlog:cds=off -Xlog:cds+dynamic=off)
NATIVE="${XDG_CACHE_HOME:-$HOME/.cache}/drizzle/native"
SQLITE_LIB=$(python3 - "$NATIVE" "$DEPS" <<'PY'
import glob, os, sys, zipfile
native, deps = sys.argv[1], sys.argv[2].split(":")
memo = glob.glob(os.path.join(native, "sqlite-resource-*"))
jar = [d for d in deps if "/sqlite-jdbc-" in d]
if memo and jar:
    entry = open(memo[0]).read().strip().lstrip("/")
    name = "sqlite-%x-%s" % (zipfile.ZipFile(jar[0]).getinfo(entry).CRC, os.path.basename(entry))
    if os.path.isfile(os.path.join(native, name)):
        print(name)
PY
)
if [ -n "$SQLITE_LIB" ]; then
  FLOOR_OPTS+=(-Dorg.sqlite.lib.path="$NATIVE" -Dorg.sqlite.lib.name="$SQLITE_LIB" -Dorg.sqlite.tmpdir="$NATIVE")
else
  echo "user-path: no cached SQLite library in $NATIVE; StoreFloor unpacks its own at every start"
fi
floor() { local main=$1; shift; "$JAVA" "${FLOOR_OPTS[@]}" -XX:SharedArchiveFile="$WORK/floor/$main.jsa" -cp "$WORK/floor/floor.jar:$DEPS" "$main" "$@"; }
GET_STORE="$WORK/home-get/.drizzle/store/jobs.db"
"$JAVA" "${FLOOR_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/floor/StoreFloor.jsa" -cp "$WORK/floor/floor.jar:$DEPS" StoreFloor "$GET_STORE" > /dev/null
"$JAVA" "${FLOOR_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/floor/FetchFloor.jsa" -cp "$WORK/floor/floor.jar:$DEPS" FetchFloor "$WORK/src-all.txt" "$WORK/floor/record"
"$JAVA" "${FLOOR_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/floor/UploadFloor.jsa" -cp "$WORK/floor/floor.jar:$DEPS" UploadFloor "$WORK/www/tiny.txt" "$BASE/put/record.bin"

for r in $(seq "$ROUNDS"); do
  echo "round $r/$ROUNDS"
  KIND=big
  t big_curl curl -fs -o big.bin "$BASE/big.bin"
  t big_curl_sync sh -c "curl -fs -o big.bin '$BASE/big.bin' && sync big.bin"
  t big_drizzle dz Start-BitsTransfer -Source "$BASE/big.bin" -Destination "$WORK/run/big.bin"
  cmp -s "$WORK/run/big.bin" "$WORK/www/big.bin" || { echo "user-path: drizzle's 1 GiB file differs"; exit 1; }
  KIND=small
  t small_aria2c aria2c -q -i "$WORK/aria2.txt" -d "$WORK/run"
  t small_curlK curl -fs -K "$WORK/curl.cfg"
  t small_floor floor FetchFloor "$WORK/src-all.txt" "$WORK/run"
  t small_drizzle dz_small
  t small_drizzle_script dz_script
  t small_drizzle_one dz_one_job
  t small_service dz_small dzs
  t small_service_script dz_script dzs
  t small_service_one dz_one_job dzs
  KIND=tiny
  t tiny_curl curl -fs -o tiny.txt "$BASE/tiny.txt"
  t tiny_drizzle dz Start-BitsTransfer -Source "$BASE/tiny.txt" -Destination "$WORK/run/tiny.txt"
  t tiny_first dz_first Start-BitsTransfer -Source "$BASE/tiny.txt" -Destination "$WORK/run/tiny.txt"
  t tiny_service dzs Start-BitsTransfer -Source "$BASE/tiny.txt" -Destination "$WORK/run/tiny.txt"
  KIND=upload
  rm -f "$WORK"/www/put/*.bin "$WORK"/up/*.bin; sync
  t up_curl curl -fs -T "$WORK/www/big.bin" "$BASE/put/up.bin"
  rm -f "$WORK"/www/put/*.bin; sync
  t up_curl_sync sh -c "curl -fs -T '$WORK/www/big.bin' '$BASE/put/up.bin' && sync '$WORK/www/put/up.bin'"
  rm -f "$WORK"/www/put/*.bin; sync
  t up_floor floor UploadFloor "$WORK/www/big.bin" "$BASE/put/up.bin"
  t up_drizzle dz Start-BitsTransfer -TransferType Upload -Source "$WORK/www/big.bin" -Destination "http://127.0.0.1:$UPORT/up.bin"
  cmp -s "$WORK/up/up.bin" "$WORK/www/big.bin" || { echo "user-path: drizzle's uploaded file differs"; exit 1; }
  KIND=get
  t java_version java -version
  t get_drizzle dz Get-BitsTransfer
  t get_floor floor StoreFloor "$GET_STORE"
  t get_service dzs Get-BitsTransfer
done

m() { median < "$WORK/$1.t" | xargs printf '%.3f'; }
ratio() { echo "$(m "$1") $(m "$2")" | awk '{printf "%.2f", $1 / $2}'; }
{
  echo "# bin/drizzle as a user runs it ($(date -u +%F), $(nproc) cores, $ROUNDS rounds, medians in s)"
  echo
  echo "| case | peer | peer s | drizzle s | drizzle speed vs peer |"
  echo "|---|---|---|---|---|"
  echo "| ${MIB} MiB Foreground | curl -o | $(m big_curl) | $(m big_drizzle) | $(ratio big_curl big_drizzle)x |"
  echo "| ${MIB} MiB Foreground | curl -o && sync | $(m big_curl_sync) | $(m big_drizzle) | $(ratio big_curl_sync big_drizzle)x |"
  echo "| 1000 x 10 KiB (5 calls of 200) | aria2c -i | $(m small_aria2c) | $(m small_drizzle) | $(ratio small_aria2c small_drizzle)x |"
  echo "| 1000 x 10 KiB (a script of 5 calls of 200) | aria2c -i | $(m small_aria2c) | $(m small_drizzle_script) | $(ratio small_aria2c small_drizzle_script)x |"
  echo "| 1000 x 10 KiB (1 call, MaxFilesPerJob 1000) | aria2c -i | $(m small_aria2c) | $(m small_drizzle_one) | $(ratio small_aria2c small_drizzle_one)x |"
  echo "| 1000 x 10 KiB (5 calls of 200) | curl -K | $(m small_curlK) | $(m small_drizzle) | $(ratio small_curlK small_drizzle)x |"
  echo "| 3-byte file | curl -o | $(m tiny_curl) | $(m tiny_drizzle) | $(ratio tiny_curl tiny_drizzle)x |"
  echo "| 3-byte file, first run (creates the store) | curl -o | $(m tiny_curl) | $(m tiny_first) | $(ratio tiny_curl tiny_first)x |"
  echo "| ${MIB} MiB upload | curl -T (nginx PUT) | $(m up_curl) | $(m up_drizzle) | $(ratio up_curl up_drizzle)x |"
  echo "| ${MIB} MiB upload | curl -T && sync (the server's file) | $(m up_curl_sync) | $(m up_drizzle) | $(ratio up_curl_sync up_drizzle)x |"
  echo "| one-shot Get-BitsTransfer | java -version | $(m java_version) | $(m get_drizzle) | $(ratio get_drizzle java_version)x java -version |"
  echo "| **JVM floor** (bench/floor: the product's jars and JVM flags, none of Drizzle's code) | | | | |"
  echo "| 1000 x 10 KiB: FetchFloor (HttpClient 5, forces, renames) | aria2c -i | $(m small_aria2c) | $(m small_floor) | $(ratio small_aria2c small_floor)x |"
  echo "| ${MIB} MiB upload: UploadFloor (one HttpClient 5 PUT to nginx, no force) | curl -T (nginx PUT) | $(m up_curl) | $(m up_floor) | $(ratio up_curl up_floor)x |"
  echo "| one-shot: StoreFloor (sqlite-jdbc reads the store, Jackson prints it) | java -version | $(m java_version) | $(m get_floor) | $(ratio get_floor java_version)x java -version |"
  echo "| **with this user's service running** (quick path) | | | | |"
  echo "| 1000 x 10 KiB (5 calls of 200) | aria2c -i | $(m small_aria2c) | $(m small_service) | $(ratio small_aria2c small_service)x |"
  echo "| 1000 x 10 KiB (a script of 5 calls of 200) | aria2c -i | $(m small_aria2c) | $(m small_service_script) | $(ratio small_aria2c small_service_script)x |"
  echo "| 1000 x 10 KiB (1 call, MaxFilesPerJob 1000) | aria2c -i | $(m small_aria2c) | $(m small_service_one) | $(ratio small_aria2c small_service_one)x |"
  echo "| 1000 x 10 KiB (5 calls of 200) | curl -K | $(m small_curlK) | $(m small_service) | $(ratio small_curlK small_service)x |"
  echo "| 3-byte file | curl -o | $(m tiny_curl) | $(m tiny_service) | $(ratio tiny_curl tiny_service)x |"
  echo "| one-shot Get-BitsTransfer | java -version | $(m java_version) | $(m get_service) | $(ratio get_service java_version)x java -version |"
} | tee "$OUT/user-path.md"

if command -v gnuplot >/dev/null; then
  printf '"1 GiB"\t%s\t%s\n"1000 small"\t%s\t%s\n"3 bytes"\t%s\t%s\n"Get"\t%s\t%s\n' \
    "$(m big_curl)" "$(m big_drizzle)" "$(m small_aria2c)" "$(m small_drizzle)" \
    "$(m tiny_curl)" "$(m tiny_drizzle)" "$(m java_version)" "$(m get_drizzle)" > "$WORK/chart.dat"
  printf '"1000 small (svc)"\t%s\t%s\n"3 bytes (svc)"\t%s\t%s\n"Get (svc)"\t%s\t%s\n' \
    "$(m small_aria2c)" "$(m small_service_script)" "$(m tiny_curl)" "$(m tiny_service)" \
    "$(m java_version)" "$(m get_service)" >> "$WORK/chart.dat"
  gnuplot -e "set terminal png size 1100,450; set output '$OUT/user-path.png'; set style data histograms;
    set style fill solid; set ylabel 'seconds (median)'; set logscale y; set yrange [0.005:10]; set key outside bottom center horizontal;
    plot '$WORK/chart.dat' using 2:xtic(1) title 'peer (curl / aria2c / java -version)', '' using 3 title 'bin/drizzle'"
  echo "chart: $OUT/user-path.png"
fi
