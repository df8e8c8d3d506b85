package org.drizzle.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.TempPolicy;
import org.junit.jupiter.api.Test;

/**
 * Get-BitsBandwidth and BitsJob.BytesPerSecond as an admin types them: scripts through the
 * host's runtime and Out-Default formatting, on the embedded engine the host opens (policy,
 * idle-bandwidth estimator), while a background job downloads from a loopback server under a
 * policy limit and a foreground job at the server's pace.
 */
class GetBitsBandwidthHostTest extends EmbeddedHostTest {
    /** The policy limit for background jobs, 300 000 B/s: Sizes shows it as "293 KB/s". */
    private static final long LIMIT = 300_000;
    /** How fast the server sends the foreground job's file. */
    private static final long PACE = 200_000;

    @Override
    TempPolicy policy(TempPolicy empty) throws IOException {
        return empty.write(TempPolicy.allDay(LIMIT));
    }

    @Test
    void anAdminSeesTheInterfaceTheLimitAndTheJobRatesAndEachJobCarriesItsRate() throws Exception {
        server.resource("/nightly.bin").generated(40L * 1024 * 1024);
        // A foreground job ignores policy and estimator, so the server's pace alone sets its rate.
        server.resource("/now.bin").generated(20L * 1024 * 1024).slow(PACE);
        run("$null = Start-BitsTransfer -Source '" + server.httpUri("/nightly.bin") + "' -Destination '"
                + dir.resolve("nightly.bin") + "' -Asynchronous -Priority Normal -DisplayName nightly\n"
                + "$null = Start-BitsTransfer -Source '" + server.httpUri("/now.bin") + "' -Destination '"
                + dir.resolve("now.bin") + "' -Asynchronous -Priority Foreground -DisplayName now");
        assertThat(host.err()).isEmpty();
        // The interface is watched from the governor's first question about the background job's server.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                run("Get-BitsBandwidth -Jobs | Where-Object { $_.BytesPerSecond -gt 0 -and $_.InterfaceAlias -eq 'lo' }"
                        + " | ForEach-Object DisplayName").contains("nightly")
                        && run("Get-BitsBandwidth lo").size() > 2);
        Thread.sleep(2_000); // a full two-second rate window for both jobs

        // BitsJob.BytesPerSecond against the server's pace and against BytesTransferred; over four
        // seconds, because BytesTransferred moves at checkpoints (every 500 ms) and the rate with every write.
        List<String> sampled = run("$a = (Get-BitsTransfer now).BytesTransferred; Start-Sleep -Milliseconds 4000\n"
                + "$j = Get-BitsTransfer now; $j.BytesTransferred - $a; $j.BytesPerSecond");
        long moved = Long.parseLong(sampled.get(0)) / 4;
        long rate = Long.parseLong(sampled.get(1));
        assertThat(rate).as("BytesPerSecond from a server sending %d B/s", PACE).isBetween(PACE * 6 / 10, PACE * 13 / 10);
        assertThat(rate).as("BytesPerSecond against %d B/s moved", moved).isBetween(moved * 7 / 10, moved * 13 / 10);
        assertThat(run("(Get-BitsTransfer nightly).BytesPerSecond -gt 0")).containsExactly("True");

        List<String> table = run("Get-BitsBandwidth");
        assertThat(table.get(0).split("\\s+")).containsExactly("InterfaceAlias", "Direction", "Capacity", "OthersRate",
                "Allowance", "PolicyLimit", "Jobs");
        assertThat(table).anySatisfy(row -> assertThat(row).startsWith("lo ").contains("Receive").contains("293 KB/s")
                .contains("nightly: ").contains("/s"));

        List<String> jobs = run("Get-BitsBandwidth -Jobs");
        assertThat(jobs.get(0).split("\\s+")).containsExactly("DisplayName", "OwnerAccount", "Priority", "InterfaceAlias",
                "Rate", "PolicyLimit");
        assertThat(jobs).anySatisfy(row -> assertThat(row).startsWith("nightly ").contains("Normal").contains(" lo ")
                .endsWith("293 KB/s"));
        assertThat(jobs).anySatisfy(row -> assertThat(row).startsWith("now ").contains("Foreground").endsWith("None"));

        assertThat(run("Get-BitsBandwidth lo | Where-Object Direction -eq Receive | ForEach-Object {"
                + " $_.CapacityBytesPerSecond -gt 0; $_.AllowanceBytesPerSecond -gt 0; $_.PolicyRule }"))
                .containsExactly("True", "True", "BITS 2.0 schedule");
        assertThat(run("Get-BitsBandwidth -Jobs | Where-Object Priority -ne Foreground | Get-BitsTransfer"
                + " | ForEach-Object DisplayName")).as("the rows pipe on to the job cmdlets by JobId").containsExactly("nightly");
        String json = String.join("", run("Get-BitsBandwidth -Jobs | Where-Object DisplayName -eq now | ConvertTo-Json -Compress"));
        assertThat(json).contains("\"DisplayName\":\"now\"").containsPattern("\"BytesPerSecond\":[1-9]")
                .containsPattern("\"JobId\":\"[0-9a-f-]{36}\"");
        assertThat(run("Get-BitsBandwidth nosuch*")).as("an interface filter that matches nothing").isEmpty();

        run("Get-BitsTransfer | Remove-BitsTransfer");
        assertThat(run("Get-BitsBandwidth -Jobs")).isEmpty();
        assertThat(host.err()).isEmpty();
    }
}
