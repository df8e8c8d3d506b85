try {
    Start-BitsTransfer -Source $url -Destination $path -ErrorAction Stop
} catch [System.Net.WebException], [System.IO.IOException] {
    "network: $($_.Exception.Message)"
} catch {
    throw
} finally {
    'cleanup'
}
try { throw 'bad' } catch { Write-Warning $_ }
throw "failed: $reason"
exit 3
