$attempt = 0
while ($true) {
    $attempt++
    try {
        if ($attempt -lt 3) { throw "attempt $attempt failed" }
        "succeeded on attempt $attempt"
        break
    } catch {
        "retry: $($_.Exception.Message)"
    } finally {
        "cleanup $attempt"
    }
}
try {
    Write-Error 'not found' -ErrorAction Stop
} catch {
    "caught: $_"
}
Write-Error 'ignored' -ErrorAction Ignore
"status: $?"
