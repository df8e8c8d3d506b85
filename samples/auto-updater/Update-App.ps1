<#
.SYNOPSIS
Checks an application's version manifest and, when a newer version is offered, downloads it in the
background with a Low-priority BITS job that installs it when the download is done.

.DESCRIPTION
The auto-updater pattern of BITS: run this from a timer or at logon. It
  1. reads the version manifest (JSON: {"version": "1.4.0", "url": "https://.../app-1.4.0.pkg",
     "sha256": "<64 hex digits>"}) from -ManifestUrl,
  2. compares the offered version with the installed one (version.txt in -InstallDir),
  3. if newer, creates a Low-priority job "auto-update <AppName> <version>" that downloads the package
     into -InstallDir\.staging using idle bandwidth, with Install-Update.ps1 as its notify command
     line: when the job is transferred the service runs it, it verifies the SHA-256 from the manifest,
     swaps the package in atomically and runs the restart hook. A package whose checksum does not
     match is deleted and never installed.
A job already downloading that version is left alone: after a reboot mid-download the service
resumes it where it stopped. A job that finished downloading but was not installed (BITS never
runs a notify program for a service account such as root) is installed by the next run.
Exit codes: 0 up to date or update started/in progress, 2 a bad manifest, 1 any other failure.

.PARAMETER ManifestUrl
Where the version manifest is published.

.PARAMETER InstallDir
The application's folder: holds version.txt and <AppName>.pkg.

.PARAMETER AppName
The application's name, used in the job's name and the package's file name.

.PARAMETER RestartHook
A program run after a successful swap, with the new version as its argument (e.g. a script that
restarts the application's service).

.PARAMETER Launcher
The drizzle launcher the service runs Install-Update.ps1 with.

.EXAMPLE
drizzle Update-App.ps1 -ManifestUrl https://updates.example.org/app/manifest.json -InstallDir /opt/app -RestartHook /opt/app/restart.sh
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [uri]$ManifestUrl,
    [Parameter(Mandatory)]
    [string]$InstallDir,
    [ValidatePattern('^[A-Za-z0-9._-]+$')]
    [string]$AppName = 'app',
    [string]$RestartHook,
    [string]$Launcher = '/usr/bin/drizzle'
)

$versionFile = Join-Path $InstallDir 'version.txt'
$installed = [version]'0.0'
if (Test-Path -Path $versionFile) {
    $installed = [version](Get-Content -Path $versionFile -Raw).Trim()
}

try {
    $manifest = Invoke-RestMethod -Uri $ManifestUrl -ErrorAction Stop
} catch {
    Write-Error "Cannot read the version manifest at ${ManifestUrl}: $($_.Exception.Message)"
    exit 1
}
if (-not $manifest.version -or -not $manifest.url -or [string]$manifest.sha256 -notmatch '^[0-9A-Fa-f]{64}$') {
    Write-Error "The manifest at $ManifestUrl needs 'version', 'url' and a 64-digit 'sha256'."
    exit 2
}
$offered = [version]$manifest.version
if ($offered -le $installed) {
    "$AppName $installed is up to date (the manifest offers $offered)."
    exit 0
}

$name = "auto-update $AppName $offered"
$installer = Join-Path $PSScriptRoot 'Install-Update.ps1'
$existing = @(Get-BitsTransfer -Name $name -ErrorAction SilentlyContinue)
if ($existing.Count -gt 0) {
    if ($existing[0].JobState -ne 'Transferred') {
        "The update to $AppName $offered is already under way: $($existing[0].JobState)."
        exit 0
    }
    # Downloaded, but its notify program did not install it (BITS never runs one for a service
    # account such as root, or it failed): install it now.
    "Installing the downloaded update to $AppName $offered."
    & $installer -JobName $name -Sha256 $manifest.sha256 -InstallDir $InstallDir -AppName $AppName -Version $offered -RestartHook $RestartHook
    exit $LASTEXITCODE
}

$staging = Join-Path $InstallDir '.staging'
$null = New-Item -ItemType Directory -Path $staging -Force
$package = Join-Path $staging "$AppName-$offered.pkg"
# BITS' notify command line: the program, then a command line whose first token is the program again.
$arguments = "`"$Launcher`" `"$installer`" -JobName `"$name`" -Sha256 $($manifest.sha256) -InstallDir `"$InstallDir`" -AppName $AppName -Version $offered"
if ($RestartHook) { $arguments += " -RestartHook `"$RestartHook`"" }

$job = Start-BitsTransfer -Source $manifest.url -Destination $package -Asynchronous -Priority Low `
    -DisplayName $name -Description "Update of $AppName from $installed to $offered" `
    -NotifyFlags 1 -NotifyCmdLine $Launcher, $arguments
"Downloading $AppName $offered in the background (job $($job.JobId), $($job.JobState))."
exit 0
