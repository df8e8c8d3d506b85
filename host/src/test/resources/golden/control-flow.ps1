# Loops, switch and statements used as values
$states = 'Queued', 'Transferring', 'Transferred', 'Error'
foreach ($s in $states) {
    $kind = switch -Wildcard ($s) {
        'Transfer*' { 'moving' }
        'Error' { 'failed' }
        default { 'waiting' }
    }
    '{0,-12} {1}' -f $s, $kind
}
$n = 0
while ($true) {
    $n++
    if ($n -ge 3) { break }
}
"n=$n"
$evens = foreach ($i in 1..6) { if ($i % 2 -eq 0) { $i } }
"evens: $evens"
do { $n-- } while ($n -gt 0)
"n=$n"
