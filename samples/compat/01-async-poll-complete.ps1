<#
.SYNOPSIS
Idiom 1: start an asynchronous job, poll its state, then complete or clean up with switch.

.PARAMETER BaseUrl
Folder URL holding file1.bin ... fileN.bin.

.PARAMETER Destination
Local folder for the downloads.

.PARAMETER Count
How many files to put in the job.
#>
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination,
    [int]$Count = 3
)

Import-Module BitsTransfer
$sources = foreach ($i in 1..$Count) { "$BaseUrl/file$i.bin" }
$targets = foreach ($i in 1..$Count) { Join-Path $Destination "file$i.bin" }

$job = Start-BitsTransfer -Source $sources -Destination $targets -Asynchronous -DisplayName 'Idiom1'
Write-Output "Started $($job.DisplayName) with $($job.FilesTotal) file(s)"

while ($job.JobState -eq 'Transferring' -or $job.JobState -eq 'Connecting') {
    Start-Sleep -Milliseconds 100
}
# Some scripts also wait through Queued and TransientError with -in.
while ($job.JobState -in 'Queued', 'Connecting', 'Transferring', 'TransientError') {
    Start-Sleep -Milliseconds 100
}

switch ($job.JobState) {
    'Transferred' {
        Complete-BitsTransfer -BitsJob $job
        Write-Output "Completed: $($job.FilesTransferred) of $($job.FilesTotal) file(s)"
    }
    'Error' {
        $job | Format-List DisplayName, JobState
        Remove-BitsTransfer $job
    }
    default { Write-Output "Unexpected state $($job.JobState)" }
}
Get-ChildItem $Destination -Filter 'file*.bin' | Sort-Object Name | ForEach-Object { '{0} {1}' -f $_.Name, $_.Length }
