:: upload and upload-reply jobs: type, reply file and progress (no transfer)
bitsadmin /create /UPLOAD-REPLY replyjob
bitsadmin /gettype replyjob
bitsadmin /setreplyfilename replyjob %DIR%/reply.txt
bitsadmin /getreplyfilename replyjob
bitsadmin /getreplyprogress replyjob
bitsadmin /getreplydata replyjob
bitsadmin /create /upload upjob
bitsadmin /gettype upjob
bitsadmin /info upjob /verbose
bitsadmin /list /verbose
