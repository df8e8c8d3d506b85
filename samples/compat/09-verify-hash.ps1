<#
.SYNOPSIS
Idiom 9: verify a download against known hashes with Get-FileHash.

.PARAMETER Url
The file to download.

.PARAMETER Destination
The local file.

.PARAMETER HashFile
Lines "ALGORITHM HASH" with the expected values.
#>
param(
    [Parameter(Mandatory)][string]$Url,
    [Parameter(Mandatory)][string]$Destination,
    [Parameter(Mandatory)][string]$HashFile
)

Start-BitsTransfer -Source $Url -Destination $Destination
foreach ($line in Get-Content $HashFile) {
    $parts = $line -split ' '
    $algorithm = $parts[0]
    $expected = $parts[1]
    $ok = (Get-FileHash -Path $Destination -Algorithm $algorithm).Hash -eq $expected
    "{0,-6} {1}" -f $algorithm, $(if ($ok) { 'OK' } else { 'MISMATCH' })
}
$bad = (Get-FileHash -Path $Destination -Algorithm SHA256).Hash -eq ('0' * 64)
"wrong hash detected: $(-not $bad)"
