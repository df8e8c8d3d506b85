<#
.SYNOPSIS
Idiom 13: [ref] counters in a helper, its streams redirected at the call, && and ||, trap,
Get-ChildItem with -Include/-Exclude/-Recurse/-Force, and ForEach-Object adding to a total.

.PARAMETER BaseUrl
Folder URL with good.bin and missing.bin.

.PARAMETER Destination
Local folder.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination
)

function Get-One([string]$Name, [ref]$Ok, [ref]$Failed) {
    try {
        Start-BitsTransfer -Source "$BaseUrl/$Name" -Destination (Join-Path $Destination $Name) -ErrorAction Stop
        $Ok.Value++
        Write-Verbose "fetched $Name"
    } catch {
        $Failed.Value++
        Write-Warning "could not fetch $Name"
    }
}

$ok = 0
$failed = 0
$log = Get-One -Name good.bin -Ok ([ref]$ok) -Failed ([ref]$failed) -Verbose 4>&1
"log: $log"
Get-One missing.bin ([ref]$ok) ([ref]$failed) 3>$null
$w = Get-One missing.bin ([ref]$ok) ([ref]$failed) 3>&1
"captured: $w ($($w.GetType().Name))"
"ok=$ok failed=$failed"

Test-Path (Join-Path $Destination good.bin) && "good.bin is there"
Get-Item (Join-Path $Destination missing.bin) -ErrorAction SilentlyContinue || "missing.bin is not"
$n = 0
[int]::TryParse('42', [ref]$n) | Out-Null
"parsed $n"

$tree = Join-Path $Destination tree
New-Item -ItemType Directory (Join-Path $tree sub) -Force | Out-Null
'a' | Set-Content $tree\a.log
'b' | Set-Content $tree\sub\b.log
'c' | Set-Content $tree\.hidden.log
'd' | Set-Content $tree\sub\debug.log
$names = Get-ChildItem $tree -Recurse -Include *.log -Exclude debug* -Name
"logs: $($names -join ', ')"
$total = 0
Get-ChildItem $tree -Recurse -File -Force | ForEach-Object { $total += $_.Length }
"bytes in 4 files: $total"

trap { "trapped: $_"; continue }
throw "checksum mismatch"
"after the trap"
