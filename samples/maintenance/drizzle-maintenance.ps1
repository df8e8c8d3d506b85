<#
.SYNOPSIS
Nightly BITS maintenance for a machine: completes what owners asked to have completed, cancels
stale jobs, resumes jobs whose error can be retried, and exits non-zero when something needs an admin.

.DESCRIPTION
Run by the drizzle-maintenance systemd timer (or the Windows scheduled task twin). In this order it
  1. completes every Transferred job whose owner asked for it: its Description contains the tag
     given by -CompleteTag (default "[auto-complete]"); other Transferred jobs are left to their owner,
  2. cancels every unfinished job created more than -MaxAgeDays days ago (its temporary files go too),
  3. resumes (asynchronously) every job in Error whose error can be retried: HTTP 5xx, 408 and 429,
     and connection, name-resolution, timeout and network errors; jobs whose error cannot be
     retried (HTTP 401/403/404, local file errors...) are listed as problems.
Then it prints one summary line. Exit codes: 0 nothing needs an admin, 1 a job stays in Error that
cannot be retried, 2 an action failed. -WhatIf only reports what it would do.

.PARAMETER MaxAgeDays
Unfinished jobs created more than this many days ago are stale and cancelled.

.PARAMETER AllUsers
Looks after the jobs of every user of the machine (needs administrator rights), not only your own.

.PARAMETER CompleteTag
The text in a job's Description by which its owner asks the maintenance to complete it.

.EXAMPLE
drizzle drizzle-maintenance.ps1 -AllUsers -MaxAgeDays 30

.EXAMPLE
drizzle drizzle-maintenance.ps1 -AllUsers -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateRange(0, 3650)]
    [double]$MaxAgeDays = 30,
    [switch]$AllUsers,
    [ValidateNotNullOrEmpty()]
    [string]$CompleteTag = '[auto-complete]'
)

function Get-Jobs {
    if ($AllUsers) { Get-BitsTransfer -AllUsers } else { Get-BitsTransfer }
}

# Whether a job in Error failed for a reason that another try can cure.
function Test-Retryable($job) {
    $condition = [string]$job.ErrorCondition
    if ($condition -match '^BG_E_HTTP_ERROR_(\d{3})$') {
        $status = [int]$Matches[1]
        return ($status -ge 500 -or $status -eq 408 -or $status -eq 429)
    }
    return ($condition -match 'INTERNET_(TIMEOUT|NAME_NOT_RESOLVED|CANNOT_CONNECT|CONNECTION_RESET)|NETWORK_DISCONNECTED|MAXDOWNLOAD_TIMEOUT')
}

$cutoff = (Get-Date).AddDays(-$MaxAgeDays)
$completed = 0; $cancelled = 0; $resumed = 0; $failedActions = 0
$problems = @()

foreach ($job in @(Get-Jobs | Where-Object { $_.JobState -eq 'Transferred' -and ([string]$_.Description).Contains($CompleteTag) })) {
    if ($PSCmdlet.ShouldProcess("$($job.DisplayName) ($($job.JobId))", 'Complete')) {
        try {
            Complete-BitsTransfer -BitsJob $job -ErrorAction Stop
            Write-Output "Completed '$($job.DisplayName)' ($($job.JobId)) of $($job.OwnerAccount): $($job.FilesTotal) file(s)"
            $completed++
        } catch {
            Write-Warning "Could not complete '$($job.DisplayName)' ($($job.JobId)): $($_.Exception.Message)"
            $failedActions++
        }
    }
}

$stale = @(Get-Jobs | Where-Object { $_.CreationTime -lt $cutoff -and $_.JobState -notin 'Transferred', 'Acknowledged', 'Cancelled' })
foreach ($job in $stale) {
    $age = ((Get-Date) - $job.CreationTime).TotalDays
    $state = $job.JobState   # before Remove-BitsTransfer makes the live job read Cancelled
    if ($PSCmdlet.ShouldProcess("$($job.DisplayName) ($($job.JobId))", 'Cancel')) {
        try {
            Remove-BitsTransfer -BitsJob $job -ErrorAction Stop
            Write-Output ("Cancelled stale '{0}' ({1}) of {2}: {3}, {4:N1} day(s) old" -f $job.DisplayName, $job.JobId, $job.OwnerAccount, $state, $age)
            $cancelled++
        } catch {
            Write-Warning "Could not cancel '$($job.DisplayName)' ($($job.JobId)): $($_.Exception.Message)"
            $failedActions++
        }
    }
}

foreach ($job in @(Get-Jobs | Where-Object { $_.JobState -eq 'Error' })) {
    if (-not (Test-Retryable $job)) {
        $problems += "'$($job.DisplayName)' ($($job.JobId)) of $($job.OwnerAccount): $($job.ErrorCondition) $($job.ErrorDescription)"
        continue
    }
    # A BitsJob is live: read what it failed with before Resume clears the error.
    $condition = $job.ErrorCondition
    if ($PSCmdlet.ShouldProcess("$($job.DisplayName) ($($job.JobId))", 'Resume')) {
        try {
            $null = Resume-BitsTransfer -BitsJob $job -Asynchronous -ErrorAction Stop
            Write-Output "Resumed '$($job.DisplayName)' ($($job.JobId)) after $condition"
            $resumed++
        } catch {
            Write-Warning "Could not resume '$($job.DisplayName)' ($($job.JobId)): $($_.Exception.Message)"
            $failedActions++
        }
    }
}

foreach ($p in $problems) { Write-Warning "Needs an admin: $p" }
"Maintenance: completed {0}, cancelled {1}, resumed {2}, {3} job(s) need an admin, {4} action(s) failed." -f $completed, $cancelled, $resumed, $problems.Count, $failedActions
if ($failedActions -gt 0) { exit 2 }
if ($problems.Count -gt 0) { exit 1 }
exit 0
