package org.drizzle.cmdlets.bits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-BitsTransfer -StartSpread: the job waits QUEUED with a BlockedReason; bad values are refused. */
class StartSpreadCmdletTest {
    @TempDir
    Path dir;
    LocalEngine engine;
    FaultServer server;
    TestHost host;

    @BeforeEach
    void setUp() throws Exception {
        engine = LocalEngine.open(EngineConfig.builder(dir.resolve("store")).notificationInterval(Duration.ofMillis(100)).build());
        server = FaultServer.start();
        server.resource("/nightly.bin").generated(10_000);
        Files.createDirectories(dir.resolve("work"));
        host = new TestHost(dir.resolve("work"), engine.client(Principal.current()));
    }

    @AfterEach
    void tearDown() {
        server.close();
        engine.close();
    }

    @Test
    void aSpreadJobWaitsQueuedSayingUntilWhen() {
        BitsJob job = (BitsJob) host.run(cmd("Start-BitsTransfer", server.httpUri("/nightly.bin").toString(), "n.bin",
                sw("Asynchronous"), p("StartSpread", 3600))).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> job.getProperty("BlockedReason") != null);
        assertThat(job.getProperty("JobState")).isEqualTo(JobState.QUEUED);
        assertThat((String) job.getProperty("BlockedReason")).startsWith("Start spread: the first start waits until ");
        assertThat(server.resource("/nightly.bin").requests()).isEmpty();
        host.run(List.of(job), cmd("Remove-BitsTransfer"));
    }

    @Test
    void aSpreadOverADayIsRefusedNamingIt() {
        host.run(cmd("Start-BitsTransfer", server.httpUri("/nightly.bin").toString(), "n.bin",
                sw("Asynchronous"), p("StartSpread", 90000)));
        assertThat(host.errors).isNotEmpty();
        assertThat(host.errors.get(0).toString()).contains("StartSpread 90000").doesNotContain("java.");
    }
}
