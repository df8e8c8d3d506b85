<#
.SYNOPSIS
Idiom 4: a fallback downloader - BITS first, then Invoke-WebRequest (or the other way round).

.DESCRIPTION
Tries each download method in the preferred order. A method that fails is reported with
Write-Warning, its leftover BITS job is removed, and the next method is tried. When every
method fails the script says so and goes on with the next file.

.PARAMETER BaseUrl
Folder URL holding ok.bin and nosize.bin (dynamic content: no Content-Length and no ranges,
which BITS refuses with BG_E_MISSING_FILE_SIZE),
and no missing.bin.

.PARAMETER Destination
Local folder for the downloads.

.PARAMETER TimeoutSec
Timeout for Invoke-WebRequest.

.EXAMPLE
.\04-fallback-downloader.ps1 -BaseUrl https://server01/files -Destination C:\Temp
#>
#Requires -Version 5.1
[CmdletBinding()]
param(
    [Parameter(Mandatory)][ValidateNotNullOrEmpty()][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination,
    [ValidateRange(1, 600)][int]$TimeoutSec = 30
)

Import-Module BitsTransfer -ErrorAction SilentlyContinue

function Save-WithFallback {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Url,
        [Parameter(Mandatory)][string]$Path,
        [ValidateSet('Bits', 'WebRequest')][string]$Prefer = 'Bits'
    )
    $methods = if ($Prefer -eq 'Bits') { 'Bits', 'WebRequest' } else { 'WebRequest', 'Bits' }
    foreach ($method in $methods) {
        try {
            if ($method -eq 'Bits') {
                Start-BitsTransfer -Source $Url -Destination $Path -DisplayName 'Fallback' -ErrorAction Stop
            }
            else {
                $headers = @{ 'User-Agent' = 'fallback-downloader'; 'Accept' = '*/*' }
                Invoke-WebRequest -Uri $Url -OutFile $Path -UseBasicParsing -Headers $headers -TimeoutSec $TimeoutSec -ErrorAction Stop
            }
            return $method
        }
        catch {
            Write-Warning "$method failed for $(Split-Path $Url -Leaf): $($_.Exception.Message)"
            Get-BitsTransfer -Name 'Fallback' -ErrorAction SilentlyContinue | Remove-BitsTransfer -Confirm:$false
            if (Test-Path $Path) { Remove-Item $Path -Force }
        }
    }
    throw "No method could download $(Split-Path $Url -Leaf)"
}

$plan = @(
    @{ Name = 'ok.bin'; Prefer = 'Bits' },
    @{ Name = 'nosize.bin'; Prefer = 'Bits' },
    @{ Name = 'ok.bin'; Prefer = 'WebRequest'; Save = 'ok-web.bin' },
    @{ Name = 'missing.bin'; Prefer = 'WebRequest' }
)
foreach ($item in $plan) {
    $file = if ($item.Save) { $item.Save } else { $item.Name }
    $target = Join-Path $Destination $file
    try {
        $used = Save-WithFallback -Url "$BaseUrl/$($item.Name)" -Path $target -Prefer $item.Prefer
        $size = (Get-Item $target).Length
        "{0,-11} {1,-10} (preferred {2}) {3} bytes" -f $file, $used, $item.Prefer, $size
    }
    catch {
        "{0,-11} FAILED     (preferred {1}) {2}" -f $file, $item.Prefer, $_.Exception.Message
    }
}
"BITS jobs left: $(@(Get-BitsTransfer).Count)"
