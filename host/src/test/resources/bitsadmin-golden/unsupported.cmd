:: features that do not exist here fail with E_NOTIMPL and say why
bitsadmin /create u
bitsadmin /setaclflags u OGDS
bitsadmin /transfer t /aclflags O %URL%/a.bin %DIR%/a.bin
bitsadmin /getclientcertificate u
bitsadmin /setclientcertificatebyid u 1 MY 0123456789abcdef
bitsadmin /setclientcertificatebyname u 1 MY "CN=me"
bitsadmin /removeclientcertificate u
bitsadmin /setvalidationstate u 0 true
bitsadmin /getvalidationstate u 0
bitsadmin /setpeercachingflags u 1
bitsadmin /sethelpertoken u
bitsadmin /gethelpertokensid u
bitsadmin /sethelpertokenflags u 1
bitsadmin /gethelpertokenflags u
bitsadmin /getpeerstats u 0
bitsadmin /setcredentials u SERVER PASSPORT alice pw
bitsadmin /peercaching /?
bitsadmin /cache /list
bitsadmin /peers /discover
bitsadmin /util /getieproxy localsystem
bitsadmin /util /setieproxy localsystem NO_PROXY
bitsadmin /util /repairservice
bitsadmin /util /enableanalyticchannel true
bitsadmin /list
