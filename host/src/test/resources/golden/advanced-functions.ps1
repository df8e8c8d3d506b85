#Requires -Version 5.1
[CmdletBinding()]
param([string]$Prefix = 'job')
function Remove-Old {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ValueFromPipeline)] [string]$Name,
        [ValidateSet('Low', 'High')] [string]$Level = 'Low'
    )
    begin { $count = 0 }
    process {
        if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { "removed $Name ($Level)"; $count++ }
    }
    end { "count=$count" }
}
"$Prefix-1", "$Prefix-2" | Remove-Old -Level High
Remove-Old -Name other -WhatIf
Split-Path -Leaf $MyInvocation.MyCommand.Path
try { Remove-Old -Name x -Level Medium } catch { 'rejected: ' + ($_.Exception.Message -replace '^.*does not belong to the set.*$', 'not in set') }
