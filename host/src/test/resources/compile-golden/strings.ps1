'single ''quoted'''
"Job $name is $($job.JobState) at ${env:HOME}`n"
"$job.JobState"
@"
here $name
"@
@'
literal $name
'@
'{0} of {1}' -f $done, $total
"ünïcode ‘quotes’"
-join ('a', 'b')
$line -replace '\s+', ' ' -creplace 'A', 'b'
