<#
.SYNOPSIS
Idiom 10: member enumeration over jobs and their files.

.PARAMETER BaseUrl
Folder URL with file1.bin ... file3.bin.

.PARAMETER Destination
Local folder.
#>
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination
)

$job = Start-BitsTransfer -Source "$BaseUrl/file1.bin", "$BaseUrl/file2.bin" -Destination (Join-Path $Destination 'e1.bin'), (Join-Path $Destination 'e2.bin') -Asynchronous -Suspended -DisplayName 'Enum-A'
$null = Start-BitsTransfer -Source "$BaseUrl/file3.bin" -Destination (Join-Path $Destination 'e3.bin') -Asynchronous -Suspended -DisplayName 'Enum-B'

$jobs = Get-BitsTransfer | Sort-Object DisplayName
"states: $($jobs.JobState -join ', ')"
"names: $($jobs.DisplayName -join ', ')"
$names = $job.FileList.LocalName | ForEach-Object { Split-Path $_ -Leaf }
"files of Enum-A: $($names -join ', ') (count $($names.Count))"
"remote names end with: $(($job.FileList.RemoteName | ForEach-Object { ($_ -split '/')[-1] }) -join ', ')"
$jobs | Remove-BitsTransfer
