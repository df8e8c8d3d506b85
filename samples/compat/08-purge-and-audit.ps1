<#
.SYNOPSIS
Idiom 8: all-users audit of failed jobs, then a wholesale purge.

.PARAMETER BaseUrl
Folder URL with ok.bin and without missing.bin.

.PARAMETER Destination
Local folder.
#>
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination
)

$null = Start-BitsTransfer -Source "$BaseUrl/missing.bin" -Destination (Join-Path $Destination 'broken.bin') -Asynchronous -DisplayName 'Audit-Broken'
$null = Start-BitsTransfer -Source "$BaseUrl/ok.bin" -Destination (Join-Path $Destination 'parked.bin') -Asynchronous -Suspended -DisplayName 'Audit-Parked'
while ((Get-BitsTransfer -Name 'Audit-Broken').JobState -ne 'Error') { Start-Sleep -Milliseconds 100 }

$report = Get-BitsTransfer -AllUsers | Where-Object { $_.JobState -eq 'Error' } |
    Select-Object DisplayName, @{n='Files';e={$_.FileList.LocalName}}
foreach ($row in $report) {
    "error job: {0} -> {1}" -f $row.DisplayName, (Split-Path $row.Files -Leaf)
}
"jobs before purge: $(@(Get-BitsTransfer).Count)"
Get-BitsTransfer | Remove-BitsTransfer
"jobs after purge: $(@(Get-BitsTransfer).Count)"
