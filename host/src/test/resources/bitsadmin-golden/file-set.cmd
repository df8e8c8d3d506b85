:: /addfileset reads "remote local" lines ('#' comments); /list /allusers as the owner
@write %DIR%/set.txt # nightly set|%URL%/a.bin %DIR%/a.bin||%URL%/b.bin   %DIR%/b.bin
bitsadmin /create setjob
bitsadmin /addfileset setjob %DIR%/set.txt
bitsadmin /listfiles setjob
@write %DIR%/bad.txt %URL%/c.bin
bitsadmin /addfileset setjob %DIR%/bad.txt
bitsadmin /list /allusers
bitsadmin /takeownership nosuchjob
