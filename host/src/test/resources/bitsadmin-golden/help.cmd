:: /? and /HELP print the usage; no command prints it too; /UTIL has its own help
bitsadmin /?
bitsadmin /HELP
bitsadmin
bitsadmin /util /?
bitsadmin /util
bitsadmin /create /?
bitsadmin /SetNotifyCmdLine /?
bitsadmin /RawReturn /util /version
bitsadmin /nowrap /wrap /util /VERSION
