<#
.SYNOPSIS
Idiom 6: find a job again by name or by an id saved to a file, then resume and complete it.

.PARAMETER Url
The file to download.

.PARAMETER Destination
The local file.

.PARAMETER StateFile
Where the job id is kept between runs.
#>
param(
    [Parameter(Mandatory)][string]$Url,
    [Parameter(Mandatory)][string]$Destination,
    [Parameter(Mandatory)][string]$StateFile
)

$name = 'Idiom6-Nightly'
$existing = Get-BitsTransfer -Name $name -ErrorAction SilentlyContinue
if (-not $existing) {
    $job = Start-BitsTransfer -Source $Url -Destination $Destination -Asynchronous -Suspended -DisplayName $name
    $job.JobId.ToString() | Set-Content -Path $StateFile
    Write-Output "created $name (suspended), id saved"
}

$byWhere = Get-BitsTransfer | Where-Object DisplayName -eq $name
Write-Output "found by Where-Object: $($byWhere.DisplayName) $($byWhere.JobState)"

$id = [guid](Get-Content -Path $StateFile | Select-Object -First 1)
$job = Get-BitsTransfer -JobId $id
Write-Output "found by saved id: $($job.JobId -eq $id)"

Resume-BitsTransfer -BitsJob $job -Asynchronous | Out-Null
while ($job.JobState -in 'Queued', 'Connecting', 'Transferring', 'Suspended') { Start-Sleep -Milliseconds 100 }
Complete-BitsTransfer -BitsJob $job
Remove-Item $StateFile
$left = @(Get-BitsTransfer -Name $name -ErrorAction SilentlyContinue).Count
"completed; file present: $(Test-Path $Destination); jobs left: $left"
