<#
.SYNOPSIS
Functions the way admin scripts write them.
#>
function Get-Percent {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [uint64]$Done,
        [Parameter(Mandatory, Position = 1)] [uint64]$Total
    )
    if ($Total -eq 0 -or $Total -eq [uint64]::MaxValue) { return 0 }
    [int](($Done / $Total) * 100)
}
Get-Percent 50 200
Get-Percent -Total 18446744073709551615 -Done 1
function Format-Size([long]$Bytes) {
    if ($Bytes -ge 1GB) { '{0:N1} GB' -f ($Bytes / 1GB) } elseif ($Bytes -ge 1MB) { '{0:N1} MB' -f ($Bytes / 1MB) } else { "$Bytes B" }
}
Format-Size 1536MB
Format-Size 3MB
Format-Size 12
filter Add-One { $_ + 1 }
1, 2, 3 | Add-One
