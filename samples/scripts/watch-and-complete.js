/*
 * watch-and-complete.js - watches the current user's BITS jobs and completes each one as soon
 * as it reaches Transferred, so its files become usable without anyone polling by hand.
 *
 * Usage: bin/drizzle samples/scripts/watch-and-complete.js [timeoutSeconds] [namePattern]
 *   timeoutSeconds  stop watching after this long (default 60); exit code 1 if jobs remain
 *   namePattern     only jobs whose DisplayName matches this wildcard (default *)
 *
 * Jobs in Error are reported once and left for inspection (nightly-maintenance.ps1 resumes
 * them); everything else is waited for. Runs on the same Nashorn engine as .ps1 scripts:
 * every cmdlet is a function named with '_' for '-', taking an object of parameters.
 */
var timeoutSeconds = args.length > 0 ? parseInt(args[0], 10) : 60;
var pattern = args.length > 1 ? String(args[1]) : '*';
if (isNaN(timeoutSeconds) || timeoutSeconds < 0) {
    print('watch-and-complete: timeoutSeconds must be a non-negative number, not ' + args[0]);
    exit(2);
}

var deadline = Date.now() + timeoutSeconds * 1000;
var reported = {};
var completed = 0;

function pending() {
    var jobs = Get_BitsTransfer({Name: pattern});
    var left = [];
    for (var i = 0; i < jobs.length; i++) {
        var job = jobs[i];
        var state = String(job.JobState);
        var id = String(job.JobId);
        if (state == 'Transferred') {
            Complete_BitsTransfer({BitsJob: job});
            completed++;
            print('Completed ' + job.DisplayName + ' (' + id + '): ' + job.FilesTotal + ' file(s), '
                  + job.BytesTransferred + ' bytes');
        } else if (state == 'Error') {
            if (!reported[id]) {
                reported[id] = true;
                print('Left in Error ' + job.DisplayName + ' (' + id + '): ' + job.ErrorDescription);
            }
        } else if (state != 'Acknowledged' && state != 'Cancelled') {
            left.push(job);
        }
    }
    return left;
}

var left = pending();
while (left.length > 0 && Date.now() < deadline) {
    Start_Sleep({Milliseconds: 200});
    left = pending();
}

print('Completed ' + completed + ' job(s); ' + left.length + ' still pending.');
for (var k = 0; k < left.length; k++) {
    print('  pending: ' + left[k].DisplayName + ' ' + left[k].JobState);
}
exit(left.length > 0 ? 1 : 0);
