/*
 * update-app.js - the auto-updater of Update-App.ps1 in JavaScript, on the same engine and jobs.
 *
 * Usage: drizzle update-app.js <manifestUrl> <installDir> [appName] [restartHook] [launcher]
 *
 * Reads the version manifest ({"version", "url", "sha256"}), compares it with installDir/version.txt
 * and, when newer, starts a Low-priority job "auto-update <app> <version>" whose notify command
 * line runs install-update.js: it verifies the SHA-256, swaps the package in atomically and runs
 * the restart hook. A job already downloading that version (say, after a reboot) is left to go on;
 * one downloaded but not installed (no notify program runs for a service account such as root) is
 * installed by the next run.
 * Exit codes: 0 up to date or update under way, 2 bad arguments or manifest, 1 other failures.
 */
var Files = Java.type('java.nio.file.Files');
var Paths = Java.type('java.nio.file.Paths');

if (args.length < 2) {
    print('usage: update-app.js <manifestUrl> <installDir> [appName] [restartHook] [launcher]');
    exit(2);
}
var manifestUrl = String(args[0]);
var installDir = String(args[1]);
var appName = args.length > 2 ? String(args[2]) : 'app';
var restartHook = args.length > 3 ? String(args[3]) : '';
var launcher = args.length > 4 ? String(args[4]) : '/usr/bin/drizzle';
if (!/^[A-Za-z0-9._-]+$/.test(appName)) {
    print('update-app: the application name ' + appName + ' may hold only letters, digits, . _ and -');
    exit(2);
}

/** [1, 4, 0] from "1.4.0"; compares like [version]. */
function parseVersion(text) {
    var parts = String(text).trim().split('.');
    return parts.map(function (p) { return parseInt(p, 10) || 0; });
}
function newer(a, b) {
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
        var x = a[i] || 0, y = b[i] || 0;
        if (x != y) {
            return x > y;
        }
    }
    return false;
}

var versionFile = Paths.get(installDir, 'version.txt');
var installed = Files.exists(versionFile) ? String(Files.readString(versionFile)).trim() : '0.0';

var manifest;
try {
    manifest = JSON.parse(String(Invoke_WebRequest({Uri: manifestUrl, UseBasicParsing: true})[0].Content));
} catch (e) {
    print('update-app: cannot read the version manifest at ' + manifestUrl + ': ' + e.message);
    exit(1);
}
if (!manifest.version || !manifest.url || !/^[0-9A-Fa-f]{64}$/.test(String(manifest.sha256))) {
    print("update-app: the manifest at " + manifestUrl + " needs 'version', 'url' and a 64-digit 'sha256'.");
    exit(2);
}
if (!newer(parseVersion(manifest.version), parseVersion(installed))) {
    print(appName + ' ' + installed + ' is up to date (the manifest offers ' + manifest.version + ').');
    exit(0);
}

var name = 'auto-update ' + appName + ' ' + manifest.version;
var installer = Paths.get(__DIR__, 'install-update.js').toString();
var existing = Get_BitsTransfer({Name: name, ErrorAction: 'SilentlyContinue'});
if (existing.length > 0) {
    if (String(existing[0].JobState) != 'Transferred') {
        print('The update to ' + appName + ' ' + manifest.version + ' is already under way: ' + existing[0].JobState + '.');
        exit(0);
    }
    // Downloaded, but its notify program did not install it (BITS never runs one for a service
    // account such as root, or it failed): install it now.
    print('Installing the downloaded update to ' + appName + ' ' + manifest.version + '.');
    var command = [launcher, installer, name, String(manifest.sha256), installDir, appName, String(manifest.version)];
    if (restartHook) {
        command.push(restartHook);
    }
    exit(new java.lang.ProcessBuilder(Java.to(command, 'java.lang.String[]')).inheritIO().start().waitFor());
}

var staging = Paths.get(installDir, '.staging');
Files.createDirectories(staging);
var pkg = staging.resolve(appName + '-' + manifest.version + '.pkg').toString();
// BITS' notify command line: the program, then a command line whose first token is the program again.
var commandLine = '"' + launcher + '" "' + installer + '" "' + name + '" ' + manifest.sha256 + ' "' + installDir
        + '" ' + appName + ' ' + manifest.version + (restartHook ? ' "' + restartHook + '"' : '');
var job = Start_BitsTransfer({Source: manifest.url, Destination: pkg, Asynchronous: true, Priority: 'Low',
    DisplayName: name, Description: 'Update of ' + appName + ' from ' + installed + ' to ' + manifest.version,
    NotifyFlags: 1, NotifyCmdLine: [launcher, commandLine]})[0];
print('Downloading ' + appName + ' ' + manifest.version + ' in the background (job ' + job.JobId + ', ' + job.JobState + ').');
exit(0);
