<#
.SYNOPSIS
Nightly BITS housekeeping: completes finished jobs, removes stale ones, resumes errored ones.

.DESCRIPTION
Meant for a nightly cron entry or systemd timer. In this order it
  1. completes every job in the Transferred state (its files become usable),
  2. removes every remaining job older than -MaxAgeDays days (its temporary files go too),
  3. resumes (asynchronously) every remaining job in the Error or TransientError state.
Each action is printed, followed by a table of the jobs left. Use -WhatIf to only report.

.PARAMETER MaxAgeDays
Jobs created more than this many days ago are stale. 0 treats every unfinished job as stale.

.PARAMETER AllUsers
Looks after the jobs of every user (needs administrator rights), not only your own.

.EXAMPLE
bin/drizzle samples/scripts/nightly-maintenance.ps1 -MaxAgeDays 7

.EXAMPLE
bin/drizzle samples/scripts/nightly-maintenance.ps1 -MaxAgeDays 30 -AllUsers -WhatIf
#>
[CmdletBinding()]
param(
    [double]$MaxAgeDays = 7,
    [switch]$AllUsers,
    [switch]$WhatIf
)

$cutoff = (Get-Date).AddDays(-$MaxAgeDays)
$completed = 0
$removed = 0
$resumed = 0

function Get-Jobs {
    if ($AllUsers) { Get-BitsTransfer -AllUsers } else { Get-BitsTransfer }
}

try {
    foreach ($job in @(Get-Jobs | Where-Object { $_.JobState -eq 'Transferred' })) {
        Write-Output "Completing '$($job.DisplayName)' ($($job.JobId)): $($job.FilesTotal) file(s)"
        if (-not $WhatIf) { Complete-BitsTransfer -BitsJob $job -ErrorAction Stop }
        $completed++
    }

    foreach ($job in @(Get-Jobs | Where-Object { $_.CreationTime -lt $cutoff })) {
        $age = ((Get-Date) - $job.CreationTime).TotalDays
        Write-Output ("Removing stale '{0}' ({1}), {2}, {3:N1} day(s) old" -f $job.DisplayName, $job.JobId, $job.JobState, $age)
        if (-not $WhatIf) { $job | Remove-BitsTransfer -ErrorAction Stop }
        $removed++
    }

    foreach ($job in @(Get-Jobs | Where-Object { $_.JobState -in 'Error', 'TransientError' })) {
        Write-Output "Resuming '$($job.DisplayName)' ($($job.JobId)) after: $($job.ErrorDescription)"
        if (-not $WhatIf) { Resume-BitsTransfer -BitsJob $job -Asynchronous -ErrorAction Stop | Out-Null }
        $resumed++
    }
}
catch {
    Write-Error "Maintenance stopped: $($_.Exception.Message)"
    exit 1
}

"Completed {0}, removed {1}, resumed {2} job(s)." -f $completed, $removed, $resumed
Get-Jobs | Format-Table DisplayName, JobState, FilesTotal, CreationTime -AutoSize
