<#
.SYNOPSIS
Downloads every Source/Destination row of a CSV file with BITS and prints a summary table.

.DESCRIPTION
Reads a CSV with the header "Source,Destination" (the shape Start-BitsTransfer binds by
property name), downloads each row synchronously, and reports per file whether it arrived,
its size and its SHA-256. A failed row does not stop the others; the exit code is the number
of failed rows (0 when all arrived).

.PARAMETER CsvPath
The CSV file listing the downloads.

.PARAMETER Priority
BITS priority for the jobs: Foreground, High, Normal or Low.

.EXAMPLE
bin/drizzle samples/scripts/batch-download.ps1 -CsvPath downloads.csv -Priority Normal
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory, Position = 0)]
    [string]$CsvPath,

    [ValidateSet('Foreground', 'High', 'Normal', 'Low')]
    [string]$Priority = 'Foreground'
)

if (-not (Test-Path $CsvPath)) {
    Write-Error "CSV file not found: $CsvPath"
    exit 2
}

$rows = @(Import-Csv -Path $CsvPath)
Write-Host "Downloading $($rows.Count) file(s) listed in $CsvPath"

$results = @()
$failed = 0
foreach ($row in $rows) {
    try {
        Start-BitsTransfer -Source $row.Source -Destination $row.Destination `
            -Priority $Priority -DisplayName "batch-download" -ErrorAction Stop
        $item = Get-Item -Path $row.Destination
        $results += [pscustomobject]@{
            File   = Split-Path $row.Destination -Leaf
            Status = 'OK'
            Bytes  = $item.Length
            SHA256 = (Get-FileHash -Path $row.Destination -Algorithm SHA256).Hash
        }
    }
    catch {
        $failed++
        Write-Warning "Failed: $($row.Source): $($_.Exception.Message)"
        $results += [pscustomobject]@{
            File   = Split-Path $row.Destination -Leaf
            Status = 'FAILED'
            Bytes  = 0
            SHA256 = ''
        }
    }
}

# A synchronous transfer that fails leaves its job behind for inspection; this batch cleans up.
Get-BitsTransfer -Name 'batch-download' -ErrorAction SilentlyContinue | Remove-BitsTransfer

$results | Format-Table File, Status, Bytes, SHA256 -AutoSize
"{0} of {1} file(s) downloaded, {2} failed" -f ($rows.Count - $failed), $rows.Count, $failed
exit $failed
