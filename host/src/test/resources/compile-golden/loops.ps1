foreach ($job in Get-BitsTransfer) { $job.DisplayName }
:outer for ($i = 0; $i -lt 3; $i++) {
    while ($true) { if ($i -eq 1) { continue outer }; break }
}
do { $n-- } while ($n -gt 0)
do { $n++ } until ($n -ge 5)
1..3 | ForEach-Object { if ($_ -eq 2) { break } }
