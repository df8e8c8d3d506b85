Get-BitsTransfer -AllUsers | Where-Object JobState -eq 'Error' | Remove-BitsTransfer
$jobs | Select-Object -First 2 DisplayName, JobState
Start-BitsTransfer -Source https://example.com/a.iso -Destination:/tmp/a.iso -Asynchronous
& $block 1 2
& 'other.ps1' @params
1..3 | ForEach-Object { $_ * 2 }
5GB; 1.5; 7
