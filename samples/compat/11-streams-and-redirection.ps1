<#
.SYNOPSIS
Idiom 11: the streams admins' scripts write to, and the redirections that capture them.

.PARAMETER BaseUrl
Folder URL with good.bin and missing.bin.

.PARAMETER Destination
Local folder (logs are written there).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination
)

Write-Debug "not shown without -Debug"
Write-Information "not shown by default"
Write-Information "shown: -InformationAction Continue" -InformationAction Continue
$InformationPreference = 'Continue'
Write-Information "shown: InformationPreference is Continue"
$InformationPreference = 'SilentlyContinue'

Write-Warning "to null" 3>$null
Write-Warning "disk low" 3>&1 | ForEach-Object { "captured warning: $_" }
Write-Verbose "queued" -Verbose 4>&1 | ForEach-Object { "captured verbose: $_" }
Write-Debug "state" -Debug 5>&1 | ForEach-Object { "captured debug: $_" }
Write-Information "note" 6>&1 | ForEach-Object { "captured information: $_" }

$log = Join-Path $Destination 'transfer.log'
Start-BitsTransfer -Source "$BaseUrl/missing.bin" -Destination (Join-Path $Destination 'missing.bin') -ErrorAction Continue 2>&1 |
    ForEach-Object { "captured error: $(($_.Exception.Message -split ':')[0])" }
Start-BitsTransfer -Source "$BaseUrl/good.bin" -Destination (Join-Path $Destination 'good.bin') *> $log
Write-Warning "appended" 3>> $log
"log lines: $((Get-Content $log).Count)"
Get-Content $log | Select-Object -Last 1
"good.bin: $((Get-Item (Join-Path $Destination 'good.bin')).Length) bytes"
