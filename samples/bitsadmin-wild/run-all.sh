#!/usr/bin/env bash
# Runs the bash renderings of the public batch files (SOURCES.md) for real: bin/drizzle server
# serves a folder on 127.0.0.1, every bitsadmin call is a bin/bitsadmin process on a private
# store (DRIZZLE_HOME), and each script's outcome is checked. Prints PASS/FAIL lines; exits
# non-zero if any check failed. Stops the server and the per-user service it caused.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
WORK="$(mktemp -d /tmp/bitsadmin-wild.XXXXXX)"
export DRIZZLE_HOME="$WORK/drizzle" DRIZZLE_QUICK=0
export BITSADMIN="$ROOT/bin/bitsadmin"
FAILED=0
check() { if eval "$2"; then echo "PASS $1"; else echo "FAIL $1"; FAILED=1; fi; }

mkdir -p "$WORK/srv" "$WORK/out"
head -c 300000 /dev/urandom > "$WORK/srv/payload.bin"
for n in cat dog owl; do head -c 20000 /dev/urandom > "$WORK/srv/$n.jpg"; done
PORT=$((20000 + RANDOM % 20000))
"$ROOT/bin/drizzle" server --root "$WORK/srv" --port "$PORT" > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill "$SERVER" 2>/dev/null
    for pid in $(pgrep -f "ServiceMain.*$DRIZZLE_HOME"); do kill "$pid"; done
}
trap cleanup EXIT
for _ in $(seq 50); do grep -q listening "$WORK/server.log" && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT"

# 1. bitsDownloader.bat: create/addfile/resume/setproxysettings, poll /info /verbose, complete.
(cd "$WORK/out" && "$HERE/bitsDownloader.sh" "$URL/payload.bin" payload.bin 1) > "$WORK/1.log" 2>&1
check "bitsDownloader: prints 'download finished'" 'grep -q "download finished" "$WORK/1.log"'
check "bitsDownloader: file equals the served one" 'cmp -s "$WORK/srv/payload.bin" "$WORK/out/payload.bin"'
(cd "$WORK/out" && "$HERE/bitsDownloader.sh" "$URL/missing.bin" missing.bin 1) > "$WORK/1b.log" 2>&1
check "bitsDownloader: a 404 ends 'SOME KIND OF ERROR' (exit 2)" 'grep -q "SOME KIND OF ERROR" "$WORK/1b.log"'
check "bitsDownloader: no partial file left" '[[ ! -e "$WORK/out/missing.bin" ]] && ! ls -a "$WORK/out" | grep -q "^\.BIT"'

# 2. dl_images.cmd: GUID parsed from /create's output by line count, addfile per line, resume,
#    a notify command line that runs bitsadmin /complete.
printf 'cat\ndog\nowl\n' > "$WORK/images.conf"
"$HERE/dl_images.sh" "$URL" "$WORK/images.conf" "$WORK/img" > "$WORK/2.log" 2>&1
JOB="$(tail -n 1 "$WORK/2.log")"
check "dl_images: GUID read by 'skip=4 tokens=3' ($JOB)" '[[ "$JOB" =~ ^\{[0-9A-F-]{36}\}$ ]]'
check "dl_images: three 'Added' lines and 'Job resumed.'" '[[ $(grep -c "^Added" "$WORK/2.log") -eq 3 ]] && grep -q "Job resumed." "$WORK/2.log"'
check "dl_images: notify command line stored as given" \
    '"$BITSADMIN" /rawreturn /getnotifycmdline "$JOB" | grep -q "'"'"' '"'"'bitsadmin /complete $JOB'"'"'"'
for _ in $(seq 100); do
    S="$("$BITSADMIN" /rawreturn /getstate "$JOB" 2>/dev/null)"
    [[ "$S" == TRANSFERRED || -z "$S" || "$S" == *Unable* ]] && break
    sleep 0.3
done
if [[ $(id -u) -eq 0 ]]; then
    # root's jobs are service-account jobs: BITS never runs their notify command line
    check "dl_images (root): TRANSFERRED, notify not run for a service account" '[[ "$S" == TRANSFERRED ]]'
    "$BITSADMIN" /complete "$JOB" > /dev/null
else
    for _ in $(seq 50); do "$BITSADMIN" /rawreturn /getstate "$JOB" > /dev/null 2>&1 || break; sleep 0.3; done
    check "dl_images: the notify command completed the job" '! "$BITSADMIN" /rawreturn /getstate "$JOB" > /dev/null 2>&1'
fi
check "dl_images: the images equal the served ones" 'for n in cat dog owl; do cmp -s "$WORK/srv/$n.jpg" "$WORK/img/$n.jpg" || exit 1; done'

# 3. DOWNLOAD.bat: /TRANSFER and its exit code.
"$HERE/DOWNLOAD.sh" "$URL/payload.bin" "$WORK/out/sync.bin"; RC=$?
check "DOWNLOAD: /TRANSFER succeeds with exit 0" '[[ $RC -eq 0 ]] && cmp -s "$WORK/srv/payload.bin" "$WORK/out/sync.bin"'
"$HERE/DOWNLOAD.sh" "$URL/missing.bin" "$WORK/out/none.bin"; RC=$?
check "DOWNLOAD: a failed /TRANSFER exits 1 and leaves nothing" '[[ $RC -eq 1 && ! -e "$WORK/out/none.bin" ]]'

check "no job left behind" '"$BITSADMIN" /list | grep -q "Listed 0 job(s)."'
[[ $FAILED -eq 0 ]] && rm -rf "$WORK"
exit $FAILED
