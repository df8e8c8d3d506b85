function Get-Size([string]$Path, [int]$Scale = 1) {
    (Get-Item $Path).Length / $Scale
}
function Remove-Old {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, ValueFromPipeline)] [string[]] $Name,
        [ValidateRange(1, 30)] [int] $Days = 7,
        [switch] $Force
    )
    begin { $count = 0 }
    process { foreach ($n in $Name) { $count++ } }
    end { return $count }
}
filter Double { $_ * 2 }
Get-Size -Path ./x -Scale 2
