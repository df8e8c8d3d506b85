<#
.SYNOPSIS
Idiom 2: a synchronous one-shot download in try/catch, and a retry loop with a counter and break.

.PARAMETER BaseUrl
Folder URL holding good.bin (and no missing.bin).

.PARAMETER Destination
Local folder for the downloads.
#>
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination,
    [int]$MaxAttempts = 3
)

try {
    Start-BitsTransfer -Source "$BaseUrl/missing.bin" -Destination (Join-Path $Destination 'missing.bin') -ErrorAction Stop
    Write-Output 'missing.bin: downloaded (unexpected)'
}
catch {
    Write-Warning $_.Exception.Message
    Write-Output 'missing.bin: failed as expected'
}
Get-BitsTransfer | Remove-BitsTransfer

$attempt = 0
while ($true) {
    $attempt++
    try {
        Start-BitsTransfer -Source "$BaseUrl/good.bin" -Destination (Join-Path $Destination 'good.bin') -ErrorAction Stop
        Write-Output "good.bin: downloaded on attempt $attempt"
        break
    }
    catch {
        Write-Output "attempt $attempt failed"
        if ($attempt -ge $MaxAttempts) { throw }
        Start-Sleep -Milliseconds 200
    }
}
'good.bin is {0} bytes' -f (Get-Item (Join-Path $Destination 'good.bin')).Length
