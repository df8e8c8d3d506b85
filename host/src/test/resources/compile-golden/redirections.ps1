Get-BitsTransfer > jobs.txt
Get-BitsTransfer >> jobs.txt
Remove-Item missing 2>$null
Get-Thing 2>&1 | Out-String
native-tool --flag 2> errors.log
