package org.drizzle.host.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Job state as scripts written for Windows read it: the polling loop of Microsoft's own
 * Start-BitsTransfer documentation right after -Asynchronous, and a live BitsJob whose every
 * property read is what Get-BitsTransfer shows at that moment.
 */
class JobStateAsScriptsSeeItTest extends EmbeddedHostTest {
    @Test
    void theDocumentedPollingLoopSeesTheJobMoveAndEndsTransferred() throws IOException {
        server.resource("/a.bin").generated(2L * 1024 * 1024).slow(2L * 1024 * 1024);
        Path dest = dir.resolve("a.bin");
        List<String> lines = run("$job = Start-BitsTransfer -Source '" + server.httpUri("/a.bin") + "' -Destination '"
                + dest + "' -Asynchronous\n"
                + "\"first:$($job.JobState)\"\n"
                + "while ($job.JobState -eq 'Transferring' -or $job.JobState -eq 'Connecting') { Start-Sleep -Milliseconds 50 }\n"
                + "\"last:$($job.JobState)\"\n"
                + "Complete-BitsTransfer -BitsJob $job");
        assertThat(lines.get(0)).as(host.err()).isIn("first:Connecting", "first:Transferring");
        assertThat(lines).as(host.err()).contains("last:Transferred");
        assertThat(host.err()).isEmpty();
        assertThat(Files.size(dest)).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void aPropertyReadIsWhatGetBitsTransferShowsAtThatMoment() {
        server.resource("/b.bin").generated(1024);
        List<String> lines = run("$job = Start-BitsTransfer -Source '" + server.httpUri("/b.bin") + "' -Destination '"
                + dir.resolve("b.bin") + "' -Suspended -DisplayName live\n"
                + "$job.JobState\n"
                + "$null = Get-BitsTransfer live | Resume-BitsTransfer -Asynchronous\n"
                + "$job.JobState -ne 'Suspended'\n"
                + "(Get-BitsTransfer live).Description = 'changed elsewhere'\n"
                + "$job.Description\n"
                + "$null = Get-BitsTransfer live | Remove-BitsTransfer");
        assertThat(host.err()).isEmpty();
        assertThat(lines).containsExactly("Suspended", "True", "changed elsewhere");
    }

    @Test
    void aJobWaitingBehindOthersReturnsAtOnceSayingWhy() {
        // One background slot (BITS): a second Normal job waits for it, and the scheduler says so.
        server.resource("/slow.bin").generated(8L * 1024 * 1024).slow(256 * 1024);
        List<String> lines = run("$first = Start-BitsTransfer -Source '" + server.httpUri("/slow.bin") + "' -Destination '"
                + dir.resolve("first.bin") + "' -Asynchronous -Priority Normal\n"
                + "$sw = [System.Diagnostics.Stopwatch]::StartNew()\n"
                + "$second = Start-BitsTransfer -Source '" + server.httpUri("/slow.bin") + "' -Destination '"
                + dir.resolve("second.bin") + "' -Asynchronous -Priority Normal\n"
                + "$sw.ElapsedMilliseconds -lt 800\n"
                + "$second.JobState\n"
                + "$second.BlockedReason\n"
                + "Get-BitsTransfer | Remove-BitsTransfer");
        assertThat(host.err()).isEmpty();
        assertThat(lines).containsExactly("True", "Queued", "Waiting for other jobs to finish.");
    }

    @Test
    void aSynchronousTransferWithoutATerminalSaysWhyItWaitsAndWhenItRetries() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Thread transfer = new Thread(() -> run("Start-BitsTransfer -Source 'http://127.0.0.1:" + closedPort
                + "/a.bin' -Destination '" + dir.resolve("refused.bin") + "' -RetryInterval 60 -DisplayName refused"));
        transfer.start();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> host.err().contains("TransientError"));
        String warning = host.err();
        assertThat(warning).containsPattern("WARNING: BITS job 'refused' is in TransientError: .+\\. Next retry at "
                + "\\d\\d:\\d\\d:\\d\\d \\(in ([5-8][0-9]|90) s\\)\\.");
        assertThat(warning.split("TransientError", -1)).as("said once per state change").hasSize(2);
        var engine = host.session().engine();
        assertThat(engine.listJobs(false)).singleElement().satisfies(j ->
                assertThat(j.nextRetryTime()).isAfter(java.time.Instant.now().plusSeconds(30)));
        engine.listJobs(false).forEach(j -> engine.cancel(j.id()));
        transfer.join(10_000);
        assertThat(transfer.isAlive()).isFalse();
    }
}
