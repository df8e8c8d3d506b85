:: /TRANSFER waits: progress lines, then the completed job and "Transfer complete."; a 404 prints the error and cancels
bitsadmin /transfer "golden copy" /download /priority FOREGROUND %URL%/a.bin %DIR%/a.bin %URL%/c.bin %DIR%/c.bin
bitsadmin /transfer broken /priority foreground %URL%/missing.bin %DIR%/missing.bin
bitsadmin /transfer dynamic /dynamic /priority high %URL%/c.bin %DIR%/dynamic.bin
bitsadmin /list
