#!/usr/bin/env bash
# Bash rendering of npocmaka/batch.scripts network/bitsDownloader.bat (commit b06f567, see SOURCES.md):
# download <url> to ./<file> with a bitsadmin job, polling `/info download /verbose` for the state.
# The bitsadmin calls, their order, arguments and the output it looks for are the original's.
# Changed (marked CHANGED below): cmd syntax -> bash (`| find "x" >nul` -> `| grep -q "x"`,
# `%CD%\%file%` -> "$PWD/$file", the w32tm pause -> sleep); `bitsadmin` is this checkout's bin/bitsadmin.
set -u
BITSADMIN="${BITSADMIN:-$(dirname "$0")/../../bin/bitsadmin}"   # CHANGED: our launcher

help() {
    echo "$(basename "$0" .sh) url file [timeout]"
    echo
    echo " url - the source for download"
    echo " file - file name in local directory where the file will be stored"
    echo " timeout - number in seconds between each check if download is complete (attempts are 10)"
    echo
}

[[ -z "${2:-}" ]] && { help; exit 5; }
[[ -z "${1:-}" ]] && { help; exit 6; }
url="$1"
file="$2"
timeout="${3:-5}"

"$BITSADMIN" /cancel download >/dev/null
"$BITSADMIN" /create /download download >/dev/null
"$BITSADMIN" /addfile download "$url" "$PWD/$file" >/dev/null          # CHANGED: %CD%\%file%
"$BITSADMIN" /resume download >/dev/null
"$BITSADMIN" /setproxysettings download AUTODETECT >/dev/null

attempts=0
while true; do
    attempts=$((attempts + 1))
    if [[ $attempts -eq 10 ]]; then
        echo "TIMED OUT"
        exit 1
    fi
    "$BITSADMIN" /info download /verbose | grep -q "STATE: ERROR" && "$BITSADMIN" /cancel download && echo "SOME KIND OF ERROR" && exit 2
    "$BITSADMIN" /info download /verbose | grep -q "STATE: SUSPENDED" && "$BITSADMIN" /cancel download && echo "FILE WAS NOT ADDED" && exit 3
    "$BITSADMIN" /info download /verbose | grep -q "STATE: TRANSIENT_ERROR" && "$BITSADMIN" /cancel download && echo "TRANSIENT ERROR" && exit 4
    "$BITSADMIN" /info download /verbose | grep -q "STATE: TRANSFERRED" && break
    sleep "$timeout"                                                    # CHANGED: w32tm /stripchart pause
done
"$BITSADMIN" /complete download >/dev/null
echo "download finished"
