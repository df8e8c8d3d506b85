<#
.SYNOPSIS
Idiom 12: the object model and .NET types scripts reach for: GetType names, PSObject,
Add-Member, [xml] feeds, JSON, credentials, encodings and Windows-style paths.

.PARAMETER BaseUrl
Folder URL with good.bin.

.PARAMETER Destination
Local folder.
#>
param(
    [Parameter(Mandatory)][string]$BaseUrl,
    [Parameter(Mandatory)][string]$Destination
)

$job = Start-BitsTransfer -Source "$BaseUrl/good.bin" -Destination "$Destination\feed-item.bin" -Asynchronous -Suspended -DisplayName 'Types'
"job type: $($job.GetType().FullName)"
"types: $('x'.GetType().FullName), $((1).GetType().Name), $(@(1).GetType().FullName), $((Get-Date).GetType().Name)"

$row = [pscustomobject]@{ Name = $job.DisplayName; State = $job.JobState }
$row | Add-Member -NotePropertyName Files -NotePropertyValue $job.FileList.Count
$row.PSObject.Properties | ForEach-Object { "{0} ({1}) = {2}" -f $_.Name, $_.TypeNameOfValue, $_.Value }
$copy = $row.PSObject.Copy(); $copy.Name = 'copy'
"original still: $($row.Name)"
$row | ConvertTo-Json

[xml]$feed = @"
<rss version="2.0"><channel><title>Nightly</title>
<item><title>tool-1.2</title><enclosure url="$BaseUrl/good.bin" length="200000"/></item>
</channel></rss>
"@
foreach ($item in $feed.rss.channel.item) { "feed item: $($item.title) $(Split-Path $item.enclosure.url -Leaf) $($item.enclosure.length)" }
"xpath: $($feed.SelectSingleNode('//enclosure').GetAttribute('length'))"

$password = ConvertTo-SecureString 'S3cret!' -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ('build', $password)
"credential: $($cred.UserName) / $($cred.Password) / plain length $($cred.GetNetworkCredential().Password.Length)"
"utf8 bytes: $([System.Text.Encoding]::UTF8.GetBytes('né').Length); query: $([uri]::EscapeDataString('a b')) $([System.Web.HttpUtility]::UrlEncode('a b'))"
"item path: $(Split-Path $job.FileList[0].LocalName -Leaf)"
"unresolved: $(Split-Path $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath('.\sub\x.bin') -Leaf)"
$job | Remove-BitsTransfer
