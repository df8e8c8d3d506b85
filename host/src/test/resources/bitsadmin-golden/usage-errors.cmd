:: bad switches: the usage text, a non-zero exit, nothing created
bitsadmin /bogus
bitsadmin /create
bitsadmin /create /download one two
bitsadmin /list /bogus
bitsadmin /addfile onlyjob
bitsadmin /monitor /refresh
bitsadmin /transfer name %URL%/a.bin
bitsadmin /util /nothing
bitsadmin /list
