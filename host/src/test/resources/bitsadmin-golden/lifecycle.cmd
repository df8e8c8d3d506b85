:: a download job made and driven switch by switch
bitsadmin /create life
bitsadmin /rawreturn /getstate life
bitsadmin /addfile life %URL%/a.bin %DIR%/a.bin
bitsadmin /addfile life %URL%/b.bin %DIR%/b.bin
bitsadmin /addfilewithranges life %URL%/c.bin %DIR%/c.part 0:100,1000:eof
bitsadmin /listfiles life
bitsadmin /gettemporaryname life 0
bitsadmin /info life
bitsadmin /getfilestotal life
bitsadmin /getbytestotal life
bitsadmin /setpriority life foreground
bitsadmin /getpriority life
bitsadmin /setdisplayname life lifejob
bitsadmin /getdisplayname lifejob
bitsadmin /setdescription lifejob "nightly files"
bitsadmin /getdescription lifejob
bitsadmin /setminretrydelay lifejob 30
bitsadmin /getminretrydelay lifejob
bitsadmin /setnoprogresstimeout lifejob 600
bitsadmin /getnoprogresstimeout lifejob
bitsadmin /setmaxdownloadtime lifejob 3600
bitsadmin /getmaxdownloadtime lifejob
bitsadmin /setnotifyflags lifejob 0
bitsadmin /getnotifyflags lifejob
bitsadmin /getnotifyinterface lifejob
bitsadmin /setnotifycmdline lifejob /bin/true "true hello \"two words\""
bitsadmin /getnotifycmdline lifejob
bitsadmin /setnotifycmdline lifejob NULL NULL
bitsadmin /getnotifycmdline lifejob
bitsadmin /setproxysettings lifejob OVERRIDE proxy1:80,proxy2:8080 "<local>"
bitsadmin /getproxyusage lifejob
bitsadmin /getproxylist lifejob
bitsadmin /getproxybypasslist lifejob
bitsadmin /setproxysettings lifejob NO_PROXY
bitsadmin /getproxyusage lifejob
bitsadmin /setproxysettings lifejob preconfig
bitsadmin /setcredentials lifejob SERVER BASIC alice s3cret
bitsadmin /removecredentials lifejob SERVER BASIC
bitsadmin /setcustomheaders lifejob "X-Build: 42" "X-Env: test"
bitsadmin /getcustomheaders lifejob
bitsadmin /sethttpmethod lifejob GET
bitsadmin /gethttpmethod lifejob
bitsadmin /setsecurityflags lifejob 0x100
bitsadmin /getsecurityflags lifejob
bitsadmin /gettype lifejob
bitsadmin /getaclflags lifejob
bitsadmin /getowner lifejob
bitsadmin /getpeercachingflags lifejob
bitsadmin /geterrorcount lifejob
bitsadmin /getcreationtime lifejob
bitsadmin /getcompletiontime lifejob
bitsadmin /replaceremoteprefix lifejob %URL%/ %URL%/
bitsadmin /info lifejob /verbose
bitsadmin /resume lifejob
@wait TRANSFERRED lifejob
bitsadmin /getstate lifejob
bitsadmin /getbytestransferred lifejob
bitsadmin /getfilestransferred lifejob
bitsadmin /getmodificationtime lifejob
bitsadmin /complete lifejob
bitsadmin /list
