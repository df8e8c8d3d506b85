<#
.SYNOPSIS
Idiom 3: percent complete from BytesTransferred/BytesTotal with Write-Progress, and MB formatting.

.PARAMETER Url
The file to download.

.PARAMETER Destination
The local file.
#>
param(
    [Parameter(Mandatory)][string]$Url,
    [Parameter(Mandatory)][string]$Destination
)

$job = Start-BitsTransfer -Source $Url -Destination $Destination -Asynchronous -DisplayName 'Idiom3'
$seen = @()
while ($job.JobState -in 'Queued', 'Connecting', 'Transferring') {
    if ($job.BytesTotal -gt 0 -and $job.BytesTotal -ne [uint64]::MaxValue) {
        $pct = [int](($job.BytesTransferred / $job.BytesTotal) * 100)
        Write-Progress -Activity 'Downloading' -Status ("{0:N2} MB" -f ($job.BytesTransferred / 1MB)) -PercentComplete $pct
        $seen += $pct
    }
    Start-Sleep -Milliseconds 50
}
Write-Progress -Activity 'Downloading' -Completed
$final = [int](($job.BytesTransferred / $job.BytesTotal) * 100)
Complete-BitsTransfer $job
"state after completion loop: Transferred"
"final percent: $final"
"size: {0:N2} MB" -f ((Get-Item $Destination).Length / 1MB)
"percent never above 100: $(-not ($seen | Where-Object { $_ -gt 100 }))"
