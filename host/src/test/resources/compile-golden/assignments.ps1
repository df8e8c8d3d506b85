$a = 1
$a += 2
$a -= 1; $a *= 3; $a /= 2; $a %= 4
[int]$n = '42'
$job.DisplayName = 'nightly'
$list[0] = 'first'
$name, $value = 'k=v' -split '='
$first, $rest = @(1, 2, 3)
$x = if ($a -gt 1) { 'big' } else { 'small' }
$total += Get-Random
$i++
$y = $a = 5
[Net.ServicePointManager]::SecurityProtocol = 'Tls12'
