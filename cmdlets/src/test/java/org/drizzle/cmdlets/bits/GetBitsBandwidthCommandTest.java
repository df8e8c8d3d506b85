package org.drizzle.cmdlets.bits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Get-BitsBandwidth on an engine without the idle-bandwidth estimator or policy (a warning, no
 * interface rows, running jobs with their rates), and how policy limits read.
 */
class GetBitsBandwidthCommandTest {
    @TempDir
    Path dir;
    LocalEngine engine;
    FaultServer server;
    TestHost host;

    @BeforeEach
    void setUp() throws Exception {
        engine = LocalEngine.open(EngineConfig.builder(dir.resolve("store"))
                .notificationInterval(Duration.ofMillis(100)).build());
        EngineClient client = engine.client(Principal.current());
        server = FaultServer.start();
        Files.createDirectories(dir.resolve("work"));
        host = new TestHost(dir.resolve("work"), client);
    }

    @AfterEach
    void tearDown() {
        server.close();
        engine.close();
    }

    @Test
    void withoutTheEstimatorItWarnsShowsNoInterfacesAndStillListsRunningJobs() {
        assertThat(host.run(cmd("Get-BitsBandwidth"))).isEmpty();
        assertThat(host.warnings).singleElement().asString().contains("estimator is off");
        assertThat(host.run(cmd("Get-BitsBandwidth", sw("Jobs")))).as("nothing runs yet").isEmpty();

        server.resource("/paced.bin").generated(4L * 1024 * 1024).slow(150_000);
        host.run(cmd("Start-BitsTransfer", server.httpUri("/paced.bin").toString(), "paced.bin", sw("Asynchronous")));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                host.run(cmd("Get-BitsBandwidth", sw("Jobs"))).stream()
                        .anyMatch(o -> ((BitsJobRate) o).bytesPerSecond() > 0));
        BitsJobRate row = (BitsJobRate) host.run(cmd("Get-BitsBandwidth", sw("Jobs"))).get(0);
        assertThat(row.jobState()).isEqualTo(JobState.TRANSFERRING);
        assertThat(row.priority()).isEqualTo(Priority.FOREGROUND);
        assertThat(row.interfaceAlias()).as("no estimator maps jobs to interfaces").isNull();
        assertThat(row.policyLimit()).isEqualTo("None");
        assertThat(row.rate()).endsWith("/s");
        assertThat(row.toString()).startsWith(row.displayName() + ": ").endsWith("/s");
        assertThat(host.warnings).as("-Jobs needs no estimator: no further warning").hasSize(1);
        assertThat(host.errors).isEmpty();
    }

    @Test
    void policyLimitsReadAsOneRateOrOnePerPriority() {
        assertThat(GetBitsBandwidthCommand.policyLimit(List.of())).isEqualTo("None");
        assertThat(GetBitsBandwidthCommand.policyLimit(List.of(limit(Priority.HIGH, 300_000L),
                limit(Priority.NORMAL, 300_000L), limit(Priority.LOW, 300_000L)))).isEqualTo("293 KB/s");
        assertThat(GetBitsBandwidthCommand.policyLimit(List.of(limit(Priority.HIGH, null),
                limit(Priority.NORMAL, 2_000_000L), limit(Priority.LOW, 0L))))
                .isEqualTo("High: None, Normal: 1.9 MB/s, Low: Blocked");
    }

    private static BandwidthReport.Limit limit(Priority p, Long bytesPerSecond) {
        return new BandwidthReport.Limit(p, bytesPerSecond, "Work schedule");
    }
}
