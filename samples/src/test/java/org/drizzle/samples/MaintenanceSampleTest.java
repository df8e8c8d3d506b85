package org.drizzle.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The nightly maintenance sample ({@code samples/maintenance}) against real jobs in a private
 * store: it completes only the Transferred job whose owner tagged it, cancels the stale one,
 * resumes the job whose error can be retried, reports the one that cannot and exits 1; -WhatIf
 * changes nothing. Its systemd units pass {@code systemd-analyze verify} and the Task Scheduler
 * twin is well-formed XML of the task schema.
 */
class MaintenanceSampleTest {
    private static FaultServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() {
        server = FaultServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Path maintenance() {
        return HostProcess.scripts().getParent().resolve("maintenance");
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    private static List<String> states(HostProcess host) throws Exception {
        HostProcess.Run r = host.command("Get-BitsTransfer | Sort-Object DisplayName | ForEach-Object { '{0}={1}' -f $_.DisplayName, $_.JobState }");
        assertThat(r.code()).as(r.all()).isZero();
        return r.out().lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void completesTaggedCancelsStaleResumesRetryableAndReportsTheRest() throws Exception {
        server.resource("/m/slow.bin").generated(50_000_000).slow(100_000);
        server.resource("/m/tagged.bin").generated(20_000);
        server.resource("/m/untagged.bin").generated(30_000);
        server.resource("/m/flaky.bin").generated(40_000).fail(503, 1);
        server.resource("/m/gone.bin").failAlways(404);
        Path out = Files.createDirectories(tmp.resolve("out"));
        HostProcess host = new HostProcess(tmp, tmp);

        HostProcess.Run r = host.command("$null = Start-BitsTransfer -Source '" + url("/m/slow.bin") + "' -Destination '"
                + out.resolve("stale.bin") + "' -Suspended -DisplayName stale");
        assertThat(r.code()).as(r.all()).isZero();
        long staleCreated = System.currentTimeMillis();
        Thread.sleep(6_000);
        long othersFrom = System.currentTimeMillis();
        r = host.command(String.join("\n",
                "$null = Start-BitsTransfer -Source '" + url("/m/tagged.bin") + "' -Destination '" + out.resolve("tagged.bin")
                        + "' -Asynchronous -Priority Normal -DisplayName tagged -Description 'nightly [auto-complete]'",
                "$null = Start-BitsTransfer -Source '" + url("/m/untagged.bin") + "' -Destination '" + out.resolve("untagged.bin")
                        + "' -Asynchronous -Priority Normal -DisplayName untagged",
                "$null = Start-BitsTransfer -Source '" + url("/m/flaky.bin") + "' -Destination '" + out.resolve("flaky.bin")
                        + "' -Asynchronous -Priority Normal -DisplayName flaky -RetryTimeout 0",
                "$null = Start-BitsTransfer -Source '" + url("/m/gone.bin") + "' -Destination '" + out.resolve("gone.bin")
                        + "' -Asynchronous -Priority Normal -DisplayName gone"));
        assertThat(r.code()).as(r.all()).isZero();
        List<String> before = List.of("flaky=Error", "gone=Error", "stale=Suspended", "tagged=Transferred", "untagged=Transferred");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> states(host).equals(before));

        String script = maintenance().resolve("drizzle-maintenance.ps1").toString();

        HostProcess.Run whatIf = host.drizzle(script, "-MaxAgeDays", staleAge(staleCreated, othersFrom), "-WhatIf");
        assertThat(whatIf.code()).as(whatIf.all()).isEqualTo(1);
        assertThat(whatIf.out()).contains("What if: Performing the operation \"Complete\" on target \"tagged (")
                .contains("What if: Performing the operation \"Cancel\" on target \"stale (")
                .contains("What if: Performing the operation \"Resume\" on target \"flaky (")
                .contains("Maintenance: completed 0, cancelled 0, resumed 0, 1 job(s) need an admin, 0 action(s) failed.");
        assertThat(states(host)).as("-WhatIf changes nothing").isEqualTo(before);

        HostProcess.Run run = host.drizzle(script, "-MaxAgeDays", staleAge(staleCreated, othersFrom));
        assertThat(run.code()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).containsPattern("Completed 'tagged' \\([0-9a-f-]{36}\\) of \\S+: 1 file\\(s\\)")
                .containsPattern("Cancelled stale 'stale' \\([0-9a-f-]{36}\\) of \\S+: Suspended, 0\\.0 day\\(s\\) old")
                .containsPattern("Resumed 'flaky' \\([0-9a-f-]{36}\\) after BG_E_HTTP_ERROR_503")
                .contains("Maintenance: completed 1, cancelled 1, resumed 1, 1 job(s) need an admin, 0 action(s) failed.")
                .doesNotContain("'untagged'");
        assertThat(run.err()).contains("Needs an admin: 'gone'").contains("BG_E_HTTP_ERROR_404");
        assertThat(out.resolve("tagged.bin")).hasSize(20_000);
        assertThat(out.resolve("untagged.bin")).as("left to its owner").doesNotExist();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                states(host).equals(List.of("flaky=Transferred", "gone=Error", "untagged=Transferred")));
        host.command("Get-BitsTransfer | Remove-BitsTransfer");
    }

    /** Stale means created before the midpoint between the stale job and the others (JVM start-up is < 3 s). */
    private static String staleAge(long staleCreated, long othersFrom) {
        double ageMillis = System.currentTimeMillis() - (staleCreated + othersFrom) / 2.0;
        return String.format(Locale.ROOT, "%.8f", ageMillis / 86_400_000.0);
    }

    @Test
    void theSystemdUnitsVerify() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed: units not verified");
        Path launcher = HostProcess.scripts().getParent().getParent().resolve("bin/drizzle").toAbsolutePath().normalize();
        Path script = maintenance().resolve("drizzle-maintenance.ps1").toAbsolutePath();
        for (String unit : List.of("drizzle-maintenance.service", "drizzle-maintenance.timer")) {
            // The units name the installed paths; verify them with this checkout's launcher and script.
            String text = Files.readString(maintenance().resolve(unit))
                    .replace("/usr/bin/drizzle", launcher.toString())
                    .replace("/usr/share/drizzle/samples/maintenance/drizzle-maintenance.ps1", script.toString());
            Files.writeString(tmp.resolve(unit), text);
        }
        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no",
                tmp.resolve("drizzle-maintenance.timer").toString(), tmp.resolve("drizzle-maintenance.service").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> aboutOurs = said.lines().filter(l -> l.contains("drizzle-maintenance")).toList();
        assertThat(aboutOurs).as(said).isEmpty();
    }

    @Test
    void theScheduledTaskTwinIsATaskSchedulerDocument() throws Exception {
        byte[] xml = Files.readAllBytes(maintenance().resolve("drizzle-maintenance.xml"));
        assertThat(xml[0] & 0xff).as("UTF-16LE byte order mark, as schtasks /XML expects").isEqualTo(0xff);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://schemas.microsoft.com/windows/2004/02/mit/task");
        assertThat(d.getElementsByTagNameNS("*", "Arguments").item(0).getTextContent())
                .contains("drizzle-maintenance.ps1").contains("-AllUsers");
        assertThat(d.getElementsByTagNameNS("*", "DaysInterval").item(0).getTextContent()).isEqualTo("1");
    }
}
