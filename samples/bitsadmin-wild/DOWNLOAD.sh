#!/usr/bin/env bash
# Bash rendering of the bitsadmin branch of pigor12/serratech UTIL/DOWNLOAD.bat (commit 9dca033,
# see SOURCES.md): a synchronous /TRANSFER whose exit code decides the script's (0 -> 0, else 1).
# Changed (marked CHANGED): the original first tries PowerShell's Start-BitsTransfer and falls back
# to BITSADMIN; only the BITSADMIN branch is rendered; cmd syntax -> bash.
set -u
BITSADMIN="${BITSADMIN:-$(dirname "$0")/../../bin/bitsadmin}"   # CHANGED: our launcher
URL="$1"
FILE="$2"
"$BITSADMIN" /TRANSFER "GENERIC" /DOWNLOAD /PRIORITY NORMAL "$URL" "$FILE" >/dev/null 2>&1
ERR=$?
if [[ $ERR -eq 0 ]]; then
    exit 0
else
    exit 1
fi
