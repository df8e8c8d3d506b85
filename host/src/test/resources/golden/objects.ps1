$jobs = @(
    [pscustomobject]@{ DisplayName = 'iso'; JobState = 'Transferred'; BytesTotal = 4GB }
    [pscustomobject]@{ DisplayName = 'drivers'; JobState = 'Error'; BytesTotal = 10MB }
    [pscustomobject]@{ DisplayName = 'bios'; JobState = 'Transferring'; BytesTotal = 2MB }
)
$jobs.DisplayName -join ', '
($jobs | Where-Object { $_.JobState -in 'Transferring', 'Connecting' }).DisplayName
$jobs | Where-Object JobState -eq 'error' | ForEach-Object { "failed: $($_.DisplayName)" }
$big = $jobs | Where-Object { $_.BytesTotal -gt 5MB } | Sort-Object BytesTotal
$big.Count
$h = [ordered]@{ Name = 'x'; Files = 2 }
$h.Files += 1
"$($h.Name) has $($h.Files) files"
