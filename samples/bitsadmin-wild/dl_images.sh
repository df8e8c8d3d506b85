#!/usr/bin/env bash
# Bash rendering of sangafabrice/rollup-plugin-minify-template-dev build/dl_images.cmd (commit 2ab8949,
# see SOURCES.md): one job for every image named in images.conf; the job GUID is read from
# `bitsadmin /create` output the way the original reads it (for /f "skip=4 tokens=3": skip four
# lines, take the third word, drop the '.'), each /addfile is checked with `find "Added"`, /resume
# with `find "Job"`, and the job completes itself: its notify command line is bitsadmin /complete.
# Changed (marked CHANGED): cmd syntax -> bash; the image server and folder are parameters
# (the original fetches https://i.imgur.com/<name>.jpg into demo\w3c\img); `%~$PATH:1` (the
# full path of bitsadmin.exe) -> the full path of our bin/bitsadmin.
set -u
BITSADMIN="${BITSADMIN:-$(dirname "$0")/../../bin/bitsadmin}"   # CHANGED: our launcher
BASE_URL="$1"                                                   # CHANGED: was https://i.imgur.com
CONF="$2"                                                       # CHANGED: was %~dp0\images.conf
imgpath="$3"                                                    # CHANGED: was demo\w3c\img
BITSADMIN_PATH="$(readlink -f "$BITSADMIN")"

mkdir -p "$imgpath" 2>/dev/null
cd "$imgpath" || exit 1
# for /f "skip=4 tokens=3" %%i in ('bitsadmin /create /download myjob') do set myjob=%%i
myjob="$("$BITSADMIN" /create /download myjob | tail -n +5 | awk 'NF { v = $3 } END { print v }')"
myjob="${myjob//./}"
while read -r name _; do
    [[ -z "$name" ]] && continue
    "$BITSADMIN" /addfile "$myjob" "$BASE_URL/$name.jpg" "$PWD/$name.jpg" | grep "Added"
done < "$CONF"
"$BITSADMIN" /resume "$myjob" | grep "Job"
"$BITSADMIN" /setNotifyCmdLine "$myjob" "$BITSADMIN_PATH" "bitsadmin /complete $myjob" >/dev/null 2>&1
echo "$myjob"
