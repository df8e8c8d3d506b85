package org.drizzle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.bandwidth.Governor;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.grouppolicy.PolicyRunCondition;
import org.drizzle.engine.grouppolicy.ShownTransferPolicy;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.IoCall;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.idle.LinkEstimate;
import org.drizzle.engine.idle.OwnTrafficThrottle;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.network.NetworkRunCondition;
import org.drizzle.engine.network.cost.CostRunCondition;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine opened the way the product opens it ({@link EngineAssembly}), with the machine policy
 * file moved to a temp folder through PolicyLocations' system properties, downloading from a real
 * loopback server: the policy's bandwidth limit paces background jobs (and not foreground ones),
 * a zero-limit window blocks them until the file changes, and the estimator is fed.
 */
class EngineAssemblyTest {
    /** 2,000 Kbps = 250,000 bytes/s for every background priority, all day (BITS 2.0 schedule). */
    private static final long LIMIT = 250_000;

    @TempDir
    Path dir;
    private TempPolicy policy;
    private final FaultServer server = FaultServer.start();
    private EngineAssembly assembly;
    private EngineClient alice;

    @BeforeEach
    void movePolicyLocations() {
        policy = TempPolicy.in(dir);
    }

    @AfterEach
    void close() {
        if (assembly != null) {
            assembly.close();
        }
        server.close();
        policy.close();
    }

    private void open(EngineAssembly.Builder b) throws Exception {
        assembly = b.configure(c -> c.notificationInterval(Duration.ofMillis(100))).open();
        alice = assembly.engine().client(Principal.current());
    }

    private JobId start(String path, Priority priority) {
        JobInfo job = alice.createJob(path, JobType.DOWNLOAD, new JobOptions().priority(priority));
        alice.addFile(job.id(), server.httpUri(path).toString(), dir.resolve(path.substring(1)).toString(), null);
        alice.resume(job.id());
        return job.id();
    }

    private JobInfo awaitState(JobId id, JobState state, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> alice.getJob(id).state() == state);
        return alice.getJob(id);
    }

    @Test
    void thePolicyLimitPacesBackgroundJobsButNotForegroundOnesAndTheEstimatorIsFed() throws Exception {
        policy.write(TempPolicy.allDay(LIMIT));
        open(EngineAssembly.builder(dir.resolve("store"), EngineAssembly.Mode.EMBEDDED).idleBandwidth(true));
        assertThat(assembly.throttle()).isInstanceOf(OwnTrafficThrottle.class);
        Resource fg = server.resource("/fg.bin").generated(8L * 1024 * 1024);
        Resource bg = server.resource("/bg.bin").generated(750_000);

        long t0 = System.nanoTime();
        JobId foreground = start("/fg.bin", Priority.FOREGROUND);
        awaitState(foreground, JobState.TRANSFERRED, Duration.ofSeconds(15));
        double fgRate = fg.content().length() / ((System.nanoTime() - t0) / 1e9);
        assertThat(fgRate).as("foreground bytes/s (not metered)").isGreaterThan(4.0 * LIMIT);

        long t1 = System.nanoTime();
        JobId normal = start("/bg.bin", Priority.NORMAL);
        awaitState(normal, JobState.TRANSFERRED, Duration.ofSeconds(15));
        double bgRate = bg.content().length() / ((System.nanoTime() - t1) / 1e9);
        // One chunk and 100 ms of burst may pass ahead of the bucket: a few percent at this size.
        assertThat(bgRate).as("Normal-priority bytes/s under a %d B/s policy", LIMIT).isLessThan(LIMIT * 1.12);
        alice.complete(normal);
        assertThat(Files.size(dir.resolve("bg.bin"))).isEqualTo(750_000);

        assertThat(assembly.ownTraffic().totalReceived()).as("background bytes the estimator knows are ours")
                .isGreaterThanOrEqualTo(bg.content().length());
        assertThat(assembly.estimator().estimates()).as("the estimator watched the job's interface")
                .extracting(LinkEstimate::interfaceName).contains("lo");
    }

    @Test
    void aZeroLimitWindowBlocksBackgroundJobsUntilThePolicyFileChanges() throws Exception {
        policy.write(TempPolicy.allDay(0));
        open(EngineAssembly.builder(dir.resolve("store"), EngineAssembly.Mode.EMBEDDED));
        server.resource("/blocked.bin").generated(64 * 1024);
        server.resource("/fg.bin").generated(64 * 1024);

        JobId low = start("/blocked.bin", Priority.LOW);
        JobInfo blocked = awaitState(low, JobState.TRANSIENT_ERROR, Duration.ofSeconds(10));
        assertThat(blocked.error().code()).isEqualTo(ErrorCodes.BG_E_BLOCKED_BY_POLICY);
        assertThat(blocked.blockedReason()).isNotBlank();
        JobId foreground = start("/fg.bin", Priority.FOREGROUND);
        awaitState(foreground, JobState.TRANSFERRED, Duration.ofSeconds(10));
        assertThat(alice.getJob(low).state()).isEqualTo(JobState.TRANSIENT_ERROR);

        policy.write("{}");
        // No scheduler nudging: the policy file watch wakes the scheduler.
        awaitState(low, JobState.TRANSFERRED, Duration.ofSeconds(10));
        alice.complete(low);
        assertThat(Files.size(dir.resolve("blocked.bin"))).isEqualTo(64 * 1024);
    }

    @Test
    void aWindowThatClosesMidTransferParksTheJobInBlockedByPolicy() throws Exception {
        policy.write(TempPolicy.allDay(LIMIT));
        open(EngineAssembly.builder(dir.resolve("store"), EngineAssembly.Mode.EMBEDDED));
        server.resource("/long.bin").generated(50L * 1024 * 1024);
        JobId low = start("/long.bin", Priority.LOW);
        awaitState(low, JobState.TRANSFERRING, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.getJob(low).progress().bytesTransferred() > 0);

        policy.write(TempPolicy.allDay(0));
        // The transfer waits in the governor; the stop request releases it and the condition shows why.
        JobInfo blocked = awaitState(low, JobState.TRANSIENT_ERROR, Duration.ofSeconds(5));
        assertThat(blocked.error().code()).isEqualTo(ErrorCodes.BG_E_BLOCKED_BY_POLICY);
        long held = blocked.progress().bytesTransferred();
        Thread.sleep(500);
        assertThat(alice.getJob(low).progress().bytesTransferred()).isEqualTo(held);
    }

    @Test
    void aJobWithoutItsOwnTransferPolicyTakesThePolicysForItsPriority() throws Exception {
        policy.write("{\"TransferPolicy\": {\"NormalTransferPolicy\": " + Integer.toUnsignedString(CostFlags.STANDARD)
                + "}, \"Drizzle\": {\"MeteredInterfaces\": [\"lo\"]}}");
        open(EngineAssembly.builder(dir.resolve("store"), EngineAssembly.Mode.EMBEDDED));
        server.resource("/std.bin").generated(1024);
        JobId normal = start("/std.bin", Priority.NORMAL);
        JobInfo blocked = awaitState(normal, JobState.TRANSIENT_ERROR, Duration.ofSeconds(10));
        assertThat(blocked.error().code()).isEqualTo(ErrorCodes.BG_E_BLOCKED_BY_COST_TRANSFER_POLICY);
        assertThat(blocked.transferPolicy()).as("not set by the job").isZero();
        assertThat(ShownTransferPolicy.of(blocked)).isEqualTo(CostFlags.STANDARD);

        alice.setProperties(normal, new JobOptions().transferPolicy(CostFlags.ALWAYS));
        awaitState(normal, JobState.TRANSFERRED, Duration.ofSeconds(10));
    }

    @Test
    void theServiceModeAddsItsConditionsAfterNetworkPolicyAndCostAndTheEstimatorCanBeTurnedOff() throws Exception {
        policy.write("{}");
        System.setProperty(EngineAssembly.IDLE_BANDWIDTH_PROPERTY, "false");
        RunCondition held = job -> job.displayName().equals("/held.bin")
                ? new Blocker(ErrorCodes.BG_E_NETWORK_DISCONNECTED, "held by the test's condition", true) : null;
        open(EngineAssembly.builder(dir.resolve("store"), EngineAssembly.Mode.SERVICE).runCondition(held));
        assertThat(assembly.estimator()).isNull();
        assertThat(assembly.throttle()).isInstanceOf(Governor.class);
        assertThat(assembly.engine().config().runConditions()).map(c -> c.getClass().getSimpleName())
                .startsWith(NetworkRunCondition.class.getSimpleName(), PolicyRunCondition.class.getSimpleName(),
                        CostRunCondition.class.getSimpleName())
                .hasSize(4);

        server.resource("/held.bin").generated(1024);
        JobId id = start("/held.bin", Priority.NORMAL);
        assertThat(awaitState(id, JobState.TRANSIENT_ERROR, Duration.ofSeconds(10)).blockedReason())
                .isEqualTo("held by the test's condition");

        assembly.close();
        // Everything released: the same store opens again.
        open(EngineAssembly.builder(dir.resolve("store"), EngineAssembly.Mode.SERVICE));
        assertThat(alice.getJob(id).displayName()).isEqualTo("/held.bin");
    }

    @Test
    void badSettingsAreRefusedByName() {
        System.setProperty(EngineAssembly.IDLE_BANDWIDTH_PROPERTY, "sometimes");
        assertThatThrownBy(() -> EngineAssembly.builder(dir, EngineAssembly.Mode.EMBEDDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drizzle.idleBandwidth=sometimes");
        System.clearProperty(EngineAssembly.IDLE_BANDWIDTH_PROPERTY);
        var embedded = EngineAssembly.builder(dir, EngineAssembly.Mode.EMBEDDED);
        Impersonator other = new Impersonator() {
            @Override
            public <T> T runAs(Owner owner, IoCall<T> call) throws IOException {
                return call.call();
            }
        };
        assertThatThrownBy(() -> embedded.impersonator(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded engine runs as its user");
    }
}
