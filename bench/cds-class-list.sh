#!/usr/bin/env bash
# Remakes host/src/main/resources/org/drizzle/host/cds-classes.txt: the classes, beyond the JDK's own
# base archive, that three typical runs of bin/drizzle load (a one-line download, a -Command script
# with a pipeline, a listing with an asynchronous job). The run that records a user's AppCDS archive
# loads and links them all (CdsRecording), so the archive serves every later run whatever the first
# command was. Run it after changes that add or rename many classes; CdsRecordingTest fails when a
# listed class no longer exists. Needs nginx (apt-get install nginx-light).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
LIST="$REPO/host/src/main/resources/org/drizzle/host/cds-classes.txt"
WORK=$(mktemp -d /tmp/drizzle-cds-list.XXXXXX)
NGINX=""
cleanup() { [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
command -v nginx >/dev/null || { echo "cds-class-list: nginx is not installed (apt-get install nginx-light)" >&2; exit 2; }
mkdir -p "$WORK/www" "$WORK/run" "$WORK/log"
chmod 755 "$WORK"
for f in a b c; do head -c 20000 /dev/urandom > "$WORK/www/$f.bin"; done
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$WORK/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/nginx.err;
events { worker_connections 64; }
http { access_log off; server { listen 127.0.0.1:$PORT; root $WORK/www; } }
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" & NGINX=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 50); do curl -fs -o /dev/null "$BASE/a.bin" && break; sleep 0.1; done
printf '%s\n' "$BASE/a.bin" "$BASE/b.bin" > "$WORK/src.txt"
printf '%s\n' "$WORK/run/a2.bin" "$WORK/run/b2.bin" > "$WORK/dst.txt"

# No archive (DRIZZLE_CDS=0): what is not in the JDK's base archive comes from a jar and is logged.
run() { DRIZZLE_HOME="$WORK/home" DRIZZLE_QUICK=0 DRIZZLE_CDS=0 JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$WORK/log/$1.txt" \
          "$REPO/bin/drizzle" "${@:2}" > /dev/null 2>&1; }
run download Start-BitsTransfer -Source "$BASE/a.bin" -Destination "$WORK/run/a.bin"
run script -Command "Start-BitsTransfer -Source (Get-Content '$WORK/src.txt') -Destination (Get-Content '$WORK/dst.txt') | Out-Null; Get-ChildItem '$WORK/run' | Where-Object Length -gt 0 | Select-Object Name, Length | Format-Table"
run listing -Command "Get-BitsTransfer | Format-Table; \$j = Start-BitsTransfer -Asynchronous -Source '$BASE/c.bin' -Destination '$WORK/run/c.bin'; Get-BitsTransfer | Format-List; Remove-BitsTransfer \$j"
for f in download script listing; do
  [ -s "$WORK/log/$f.txt" ] || { echo "cds-class-list: the $f run logged no classes" >&2; exit 1; }
done
# Classes read from a jar or the JDK's modules only: lambdas, proxies, method handle species and
# Nashorn's compiled scripts are made at run time and cannot be loaded by name.
cat "$WORK"/log/*.txt | awk '$4 ~ /^(file|jrt):/ {print $2}' | sort -u > "$LIST"
echo "cds-class-list: $(wc -l < "$LIST") classes in $LIST"
