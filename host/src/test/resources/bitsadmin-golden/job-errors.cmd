:: engine refusals: bitsadmin's "Unable to ..." line with the HRESULT, then what was wrong
bitsadmin /getstate nosuchjob
bitsadmin /getstate {00000000-0000-0000-0000-000000000001}
bitsadmin /create twin
bitsadmin /create twin
bitsadmin /getstate twin
bitsadmin /create /download solo
bitsadmin /addfile solo %URL%/a.bin relative.bin
bitsadmin /addfile solo ftp://example.org/a.bin %DIR%/a.bin
bitsadmin /setpriority solo SUPERHIGH
bitsadmin /setminretrydelay solo soon
bitsadmin /setproxysettings solo OVERRIDE
bitsadmin /setcredentials solo SERVER KERBEROS alice pw
bitsadmin /setnotifycmdline solo relative-program NULL
bitsadmin /setnotifycmdline solo NULL "x y"
bitsadmin /addfilewithranges solo %URL%/c.bin %DIR%/c.bin 0-100
bitsadmin /gettemporaryname solo 3
bitsadmin /suspend solo
bitsadmin /resume solo
bitsadmin /geterror solo
bitsadmin /getreplydata solo
bitsadmin /makecustomheaderswriteonly solo
bitsadmin /getcustomheaders solo
bitsadmin /addfileset solo %DIR%/missing.txt
bitsadmin /cancel solo
bitsadmin /getstate solo
bitsadmin /reset
bitsadmin /list
