<#
.SYNOPSIS
The notify command line of an auto-update job: verifies the downloaded package and swaps it in.

.DESCRIPTION
Run by the Drizzle service, as the job's owner, when the job "auto-update <AppName> <version>" is
transferred. It completes the job (the package gets its final name in the staging folder), checks
its SHA-256 against the manifest's, then renames it over <InstallDir>/<AppName>.pkg and writes the
new version.txt the same way (a rename in one folder is atomic: the application sees the old or the
new file, never half of one), and runs the restart hook. A package with the wrong checksum is deleted
and nothing is installed. Every step is logged to <InstallDir>/update.log.
Exit codes: 0 installed, 3 checksum mismatch (not installed), 1 any other failure.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$JobName,
    [Parameter(Mandatory)][ValidatePattern('^[0-9A-Fa-f]{64}$')][string]$Sha256,
    [Parameter(Mandatory)][string]$InstallDir,
    [Parameter(Mandatory)][string]$AppName,
    [Parameter(Mandatory)][version]$Version,
    [string]$RestartHook
)

$log = Join-Path $InstallDir 'update.log'
function Write-Log([string]$text) {
    Add-Content -Path $log -Value ("{0:yyyy-MM-ddTHH:mm:ss} {1}" -f (Get-Date), $text)
}

try {
    $job = Get-BitsTransfer -Name $JobName -ErrorAction Stop | Select-Object -First 1
    if ($job.JobState -ne 'Transferred') {
        Write-Log "$JobName is $($job.JobState), not Transferred: nothing installed."
        exit 1
    }
    $package = $job.FileList[0].LocalName
    Complete-BitsTransfer -BitsJob $job -ErrorAction Stop

    $actual = (Get-FileHash -LiteralPath $package -Algorithm SHA256).Hash
    if ($actual -ne $Sha256.ToUpperInvariant()) {
        Remove-Item -LiteralPath $package -Force
        Write-Log "$AppName $Version NOT installed: SHA-256 $actual does not match the manifest's $($Sha256.ToUpperInvariant())."
        exit 3
    }

    Move-Item -LiteralPath $package -Destination (Join-Path $InstallDir "$AppName.pkg") -Force
    $versionFile = Join-Path $InstallDir 'version.txt'
    Set-Content -Path "$versionFile.new" -Value "$Version"
    Move-Item -LiteralPath "$versionFile.new" -Destination $versionFile -Force
    Write-Log "$AppName $Version installed (SHA-256 $actual)."

    if ($RestartHook) {
        & $RestartHook "$Version"
        Write-Log "Restart hook $RestartHook exited with $LASTEXITCODE."
    }
    exit 0
} catch {
    Write-Log "$AppName $Version NOT installed: $($_.Exception.Message)"
    exit 1
}
