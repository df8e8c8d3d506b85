package org.drizzle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the admin scripts in {@code samples/scripts} through the real host process against a
 * loopback {@link FaultServer} and a private job store, and checks what they did: files on disk
 * with the server's SHA-256, job states afterwards, and the report they print.
 */
class SampleScriptsTest {
    private static FaultServer server;

    @TempDir
    Path tmp;

    private HostProcess host;

    @BeforeAll
    static void startServer() {
        server = FaultServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newStore() {
        host = new HostProcess(tmp, tmp);
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    /** Each job as "DisplayName=JobState", read back through a fresh host process. */
    private List<String> jobs() throws Exception {
        HostProcess.Run r = host.command("Get-BitsTransfer | ForEach-Object { '{0}={1}' -f $_.DisplayName, $_.JobState }");
        assertThat(r.code()).as(r.all()).isZero();
        return r.out().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void batchDownloadFetchesEveryCsvRowAndReportsTheFailedOne() throws Exception {
        Resource a = server.resource("/batch/a.bin").generated(300_000);
        Resource b = server.resource("/batch/b.bin").generated(120_000);
        server.resource("/batch/gone.bin").failAlways(404);
        Path out = Files.createDirectories(tmp.resolve("downloads"));
        Path csv = tmp.resolve("list.csv");
        Files.writeString(csv, "Source,Destination\n"
                + url("/batch/a.bin") + "," + out.resolve("a.bin") + "\n"
                + url("/batch/gone.bin") + "," + out.resolve("gone.bin") + "\n"
                + url("/batch/b.bin") + "," + out.resolve("b.bin") + "\n");

        HostProcess.Run r = host.drizzle(HostProcess.scripts().resolve("batch-download.ps1").toString(),
                "-CsvPath", csv.toString(), "-Priority", "Normal");

        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(Sha.of(out.resolve("a.bin"))).isEqualTo(a.content().sha256());
        assertThat(Sha.of(out.resolve("b.bin"))).isEqualTo(b.content().sha256());
        assertThat(out.resolve("gone.bin")).doesNotExist();
        assertThat(r.out()).contains("Downloading 3 file(s) listed in " + csv)
                .containsPattern("a\\.bin\\s+OK\\s+300000\\s+" + a.content().sha256().toUpperCase())
                .containsPattern("gone\\.bin\\s+FAILED\\s+0")
                .containsPattern("b\\.bin\\s+OK\\s+120000\\s+" + b.content().sha256().toUpperCase())
                .contains("2 of 3 file(s) downloaded, 1 failed");
        assertThat(r.err()).contains("Failed: " + url("/batch/gone.bin")).contains("404");
        assertThat(jobs()).as("the failed job is cleaned up").isEmpty();
    }

    @Test
    void batchDownloadRejectsAMissingCsvAndABadPriority() throws Exception {
        Path script = HostProcess.scripts().resolve("batch-download.ps1");
        HostProcess.Run missing = host.drizzle(script.toString(), tmp.resolve("nope.csv").toString());
        assertThat(missing.code()).as(missing.all()).isEqualTo(2);
        assertThat(missing.err()).contains("CSV file not found: " + tmp.resolve("nope.csv"));

        Files.writeString(tmp.resolve("l.csv"), "Source,Destination\n");
        HostProcess.Run badPriority = host.drizzle(script.toString(), tmp.resolve("l.csv").toString(), "-Priority", "Urgent");
        assertThat(badPriority.code()).as(badPriority.all()).isNotZero();
        assertThat(badPriority.err()).contains("Urgent");
    }

    @Test
    void nightlyMaintenanceCompletesResumesAndRemovesStaleJobs() throws Exception {
        Resource done = server.resource("/nightly/done.bin").generated(80_000);
        Resource flaky = server.resource("/nightly/flaky.bin").generated(64_000).failAlways(404);
        server.resource("/nightly/parked.bin").generated(1_000);
        Path d = tmp;
        HostProcess.Run setup = host.command(String.join("; ",
                "$b = Start-BitsTransfer '" + url("/nightly/flaky.bin") + "' '" + d.resolve("flaky.bin") + "' -Asynchronous -DisplayName broken",
                "$t = Start-BitsTransfer '" + url("/nightly/done.bin") + "' '" + d.resolve("done.bin") + "' -Asynchronous -DisplayName done",
                "Start-BitsTransfer '" + url("/nightly/parked.bin") + "' '" + d.resolve("parked.bin") + "' -Asynchronous -Suspended -DisplayName parked | Out-Null",
                "$n = 0; while (($b.JobState -ne 'Error' -or $t.JobState -ne 'Transferred') -and $n -lt 300) { Start-Sleep -Milliseconds 100; $n++ }",
                "'{0} {1}' -f $b.JobState, $t.JobState"));
        assertThat(setup.out().trim()).as(setup.all()).isEqualTo("Error Transferred");
        flaky.fail(404, 0);

        Path script = HostProcess.scripts().resolve("nightly-maintenance.ps1");
        HostProcess.Run first = host.drizzle(script.toString(), "-MaxAgeDays", "7");
        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.out()).contains("Completing 'done'").contains("Resuming 'broken'")
                .contains("404").contains("Completed 1, removed 0, resumed 1 job(s).")
                .doesNotContain("Removing");
        assertThat(Sha.of(d.resolve("done.bin"))).isEqualTo(done.content().sha256());
        assertThat(jobs()).contains("parked=Suspended").doesNotContain("broken=Error")
                .noneMatch(j -> j.startsWith("done="));

        HostProcess.Run whatIf = host.drizzle(script.toString(), "-MaxAgeDays", "0", "-WhatIf");
        assertThat(whatIf.out()).as(whatIf.all()).contains("Removing stale 'parked'");
        assertThat(jobs()).contains("parked=Suspended");

        HostProcess.Run purge = host.drizzle(script.toString(), "-MaxAgeDays", "0");
        assertThat(purge.code()).as(purge.all()).isZero();
        assertThat(purge.out()).contains("Removing stale 'parked'").contains("Suspended");
        assertThat(jobs()).noneMatch(j -> j.startsWith("parked="));
        assertThat(d.resolve("parked.bin")).doesNotExist();
    }

    @Test
    void watchAndCompleteJsCompletesTransferredJobsAndLeavesErrors() throws Exception {
        Resource one = server.resource("/watch/one.bin").generated(200_000);
        Resource two = server.resource("/watch/two.bin").generated(90_000);
        Resource three = server.resource("/watch/three.bin").generated(70_000);
        server.resource("/watch/gone.bin").failAlways(404);
        server.resource("/watch/other.bin").generated(10);
        HostProcess.Run setup = host.command(String.join("; ",
                "Start-BitsTransfer '" + url("/watch/one.bin") + "' '" + tmp.resolve("one.bin") + "' -Asynchronous -DisplayName w-one",
                "Start-BitsTransfer '" + url("/watch/two.bin") + "','" + url("/watch/three.bin") + "' '"
                        + tmp.resolve("two.bin") + "','" + tmp.resolve("three.bin") + "' -Asynchronous -DisplayName w-two",
                "Start-BitsTransfer '" + url("/watch/gone.bin") + "' '" + tmp.resolve("gone.bin") + "' -Asynchronous -DisplayName w-gone",
                "Start-BitsTransfer '" + url("/watch/other.bin") + "' '" + tmp.resolve("other.bin") + "' -Asynchronous -Suspended -DisplayName unrelated"));
        assertThat(setup.code()).as(setup.all()).isZero();

        HostProcess.Run r = host.drizzle(HostProcess.scripts().resolve("watch-and-complete.js").toString(), "60", "w-*");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("Completed w-one (").contains("1 file(s), 200000 bytes")
                .contains("Completed w-two (").contains("2 file(s), 160000 bytes")
                .contains("Left in Error w-gone (").contains("Completed 2 job(s); 0 still pending.");
        assertThat(Sha.of(tmp.resolve("one.bin"))).isEqualTo(one.content().sha256());
        assertThat(Sha.of(tmp.resolve("two.bin"))).isEqualTo(two.content().sha256());
        assertThat(Sha.of(tmp.resolve("three.bin"))).isEqualTo(three.content().sha256());
        assertThat(jobs()).containsExactlyInAnyOrder("w-gone=Error", "unrelated=Suspended");
    }

    @Test
    void watchAndCompleteJsTimesOutWithPendingJobsAndRejectsBadArguments() throws Exception {
        server.resource("/watch/held.bin").generated(10);
        host.command("Start-BitsTransfer '" + url("/watch/held.bin") + "' '" + tmp.resolve("held.bin")
                + "' -Asynchronous -Suspended -DisplayName held");
        Path script = HostProcess.scripts().resolve("watch-and-complete.js");
        HostProcess.Run r = host.drizzle(script.toString(), "0");
        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("Completed 0 job(s); 1 still pending.").contains("pending: held Suspended");

        HostProcess.Run bad = host.drizzle(script.toString(), "soon");
        assertThat(bad.code()).as(bad.all()).isEqualTo(2);
        assertThat(bad.out()).contains("not soon");
    }
}
