<#
.SYNOPSIS
Idiom 5: remove your own job when something fails, quietly, in catch and finally.

.PARAMETER BaseUrl
Folder URL without missing.bin.

.PARAMETER Destination
Local folder.
#>
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination
)

$job = $null
try {
    $job = Start-BitsTransfer -Source "$BaseUrl/missing.bin" -Destination (Join-Path $Destination 'm.bin') -Asynchronous -DisplayName 'Idiom5'
    while ($job.JobState -in 'Queued', 'Connecting', 'Transferring') { Start-Sleep -Milliseconds 100 }
    if ($job.JobState -ne 'Transferred') { throw "Download failed: $($job.JobState)" }
    Complete-BitsTransfer $job
}
catch {
    Write-Output "caught: $($_.Exception.Message)"
    Remove-BitsTransfer $job -ErrorAction SilentlyContinue -Confirm:$false
}
finally {
    # Removing an already removed job must stay quiet.
    if ($job) { Remove-BitsTransfer $job -ErrorAction SilentlyContinue -Confirm:$false }
    Write-Output 'finally ran'
}
"jobs left: $(@(Get-BitsTransfer).Count)"
