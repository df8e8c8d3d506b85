$sb = { param($x) $x + 1 }
& $sb 41
$sb.Invoke(1)
$jobs | Sort-Object { $_.BytesTransferred } -Descending
$props = @{ Name = 'Size'; Expression = { $_.BytesTotal / 1MB } }
{ 'a block as a statement' }
