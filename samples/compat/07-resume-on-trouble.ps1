<#
.SYNOPSIS
Idiom 7: resume a job that is suspended or in error.

.PARAMETER Url
The file to download.

.PARAMETER Destination
The local file.
#>
param(
    [Parameter(Mandatory)][string]$Url,
    [Parameter(Mandatory)][string]$Destination
)

$job = Start-BitsTransfer -Source $Url -Destination $Destination -Asynchronous -Suspended -DisplayName 'Idiom7'
Write-Output "state before: $($job.JobState)"
if ($job.JobState -in 'TransientError', 'Suspended', 'Error') {
    Resume-BitsTransfer -BitsJob $job -Asynchronous | Out-Null
    Write-Output 'resumed'
}
while ($job.JobState -notin 'Transferred', 'Error') { Start-Sleep -Milliseconds 100 }
Write-Output "state after: $($job.JobState)"
Complete-BitsTransfer -BitsJob $job
