/*
 * install-update.js - the notify command line of an update-app.js job (see Install-Update.ps1).
 *
 * Usage (run by the service as the job's owner): install-update.js <jobName> <sha256> <installDir> <appName> <version> [restartHook]
 * Completes the job, checks the package's SHA-256, renames it over <installDir>/<appName>.pkg and
 * version.txt the same way (atomic renames in one folder), runs the restart hook and logs every step
 * to <installDir>/update.log. A package with the wrong checksum is deleted and nothing is installed.
 * Exit codes: 0 installed, 3 checksum mismatch, 1 other failures.
 */
var Files = Java.type('java.nio.file.Files');
var Paths = Java.type('java.nio.file.Paths');
var StandardCopyOption = Java.type('java.nio.file.StandardCopyOption');
var StandardOpenOption = Java.type('java.nio.file.StandardOpenOption');

var jobName = String(args[0]), sha256 = String(args[1]).toUpperCase(), installDir = String(args[2]);
var appName = String(args[3]), version = String(args[4]), restartHook = args.length > 5 ? String(args[5]) : '';
var log = Paths.get(installDir, 'update.log');

function writeLog(text) {
    Files.writeString(log, new Date().toISOString() + ' ' + text + '\n',
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
}
function rename(from, to) {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
}

/** Installs the update; returns the exit code (exit() itself ends the script by throwing). */
function install() {
    var jobs = Get_BitsTransfer({Name: jobName});
    if (jobs.length == 0 || String(jobs[0].JobState) != 'Transferred') {
        writeLog(jobName + ' is not Transferred: nothing installed.');
        return 1;
    }
    var job = jobs[0];
    var pkg = Paths.get(String(job.FileList[0].LocalName));
    Complete_BitsTransfer({BitsJob: job});
    var actual = String(Get_FileHash({LiteralPath: pkg.toString(), Algorithm: 'SHA256'})[0].Hash);
    if (actual != sha256) {
        Files.deleteIfExists(pkg);
        writeLog(appName + ' ' + version + ' NOT installed: SHA-256 ' + actual + " does not match the manifest's " + sha256 + '.');
        return 3;
    }
    rename(pkg, Paths.get(installDir, appName + '.pkg'));
    var next = Paths.get(installDir, 'version.txt.new');
    Files.writeString(next, version + '\n');
    rename(next, Paths.get(installDir, 'version.txt'));
    writeLog(appName + ' ' + version + ' installed (SHA-256 ' + actual + ').');
    if (restartHook) {
        var p = new java.lang.ProcessBuilder(restartHook, version).inheritIO().start();
        writeLog('Restart hook ' + restartHook + ' exited with ' + p.waitFor() + '.');
    }
    return 0;
}

var code;
try {
    code = install();
} catch (e) {
    writeLog(appName + ' ' + version + ' NOT installed: ' + e.message);
    code = 1;
}
exit(code);
