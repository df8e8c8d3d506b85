if ($a -eq 1) { 'one' } elseif ($a -like 't*') { 'like' } else { 'other' }
if (-not $done -and $count -lt 3 -or $force) { 'go' }
switch -Wildcard ($name) {
    'a*' { 'starts with a' }
    { $_.Length -gt 3 } { 'long'; break }
    default { 'none' }
}
switch -Regex -CaseSensitive (1, 'x') { '^\d$' { "digit $_" } }
