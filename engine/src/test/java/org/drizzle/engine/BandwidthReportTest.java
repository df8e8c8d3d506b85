package org.drizzle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.api.CapacitySource;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.bandwidth.AllowanceSource;
import org.drizzle.engine.bandwidth.Governor;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.JsonPolicyReader;
import org.drizzle.policy.PolicyEvaluator;
import org.drizzle.policy.PolicySnapshot;
import org.drizzle.policy.PolicySource;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EngineClient#bandwidth()} and each job's current rate, with real bytes from a loopback
 * server through the real governor: on a plain engine (no estimator: jobs and rates, no
 * interfaces) and on an engine opened as the product opens it (the loopback interface, the
 * policy limit, who sees which job).
 */
class BandwidthReportTest {

    @TempDir
    Path dir;
    private final FaultServer server = FaultServer.start();
    private TempPolicy policy;
    private LocalEngine plain;
    private EngineAssembly assembly;

    @AfterEach
    void close() {
        if (assembly != null) {
            assembly.close();
        }
        if (plain != null) {
            plain.close();
        }
        server.close();
        if (policy != null) {
            policy.close();
        }
    }

    private JobId start(EngineClient client, String path, long size, Priority priority) {
        server.resource(path).generated(size);
        JobInfo job = client.createJob(path, JobType.DOWNLOAD, new JobOptions().priority(priority));
        client.addFile(job.id(), server.httpUri(path).toString(), dir.resolve(path.substring(1)).toString(), null);
        client.resume(job.id());
        return job.id();
    }

    private static BandwidthReport.JobRate rateOf(BandwidthReport report, JobId id) {
        return report.jobs().stream().filter(j -> j.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void aPlainEngineMeasuresEachRunningJobsRateThroughTheGovernorAndReportsNoInterfaces() throws Exception {
        long limit = 300_000;
        PolicyEvaluator policy = new PolicyEvaluator(PolicySnapshot.of(List.of(
                JsonPolicyReader.read(TempPolicy.allDay(limit), PolicySource.FILE, "test"))), ZoneOffset.UTC);
        Governor governor = new Governor(() -> policy, AllowanceSource.UNLIMITED, job -> false, Clock.systemUTC());
        // Progress recorded every 100 ms, so BytesTransferred follows the bytes closely enough to check the rate by.
        plain = LocalEngine.open(EngineConfig.builder(dir.resolve("store")).throttle(governor)
                .checkpoint(64 * 1024, Duration.ofMillis(100)).notificationInterval(Duration.ofMillis(100)).build());
        EngineClient alice = plain.client(Principal.current());
        JobId id = start(alice, "/paced.bin", 20L * 1024 * 1024, Priority.NORMAL);

        await().atMost(Duration.ofSeconds(10)).until(() -> alice.getJob(id).state() == JobState.TRANSFERRING);
        Thread.sleep(2_500); // a full two-second window at the governor's pace
        JobInfo before = alice.getJob(id);
        long from = System.nanoTime();
        Thread.sleep(2_000);
        JobInfo after = alice.getJob(id);
        double moved = (after.progress().bytesTransferred() - before.progress().bytesTransferred()) * 1e9
                / (System.nanoTime() - from);
        BandwidthReport report = alice.bandwidth();
        assertThat(report.estimating()).isFalse();
        assertThat(report.interfaces()).as("no estimator, no interfaces").isEmpty();
        assertThat(report.limits()).isEmpty();
        BandwidthReport.JobRate job = rateOf(report, id);
        assertThat(job).isNotNull();
        assertThat(job.state()).isEqualTo(JobState.TRANSFERRING);
        assertThat(job.priority()).isEqualTo(Priority.NORMAL);
        assertThat(job.displayName()).isEqualTo("/paced.bin");
        assertThat(job.rate()).as("bytes/s under a %d B/s governor", limit).isBetween(limit * 7 / 10, limit * 13 / 10);
        assertThat((double) job.rate()).as("the rate against BytesTransferred over the same two seconds (%.0f B/s)", moved)
                .isBetween(moved * 0.8, moved * 1.2);
        assertThat(alice.getJob(id).currentRate()).isBetween(limit * 7 / 10, limit * 13 / 10);

        alice.suspend(id);
        assertThat(alice.getJob(id).currentRate()).as("a suspended job moves nothing").isZero();
        assertThat(alice.bandwidth().jobs()).isEmpty();
        alice.cancel(id);
    }

    @Test
    void anAssembledEngineShowsTheLoopbackInterfaceThePolicyLimitAndTheJobsItsCallerMaySee() throws Exception {
        long limit = 200_000;
        policy = TempPolicy.in(dir).write(TempPolicy.allDay(limit));
        assembly = EngineAssembly.builder(dir.resolve("store"), EngineAssembly.Mode.EMBEDDED).idleBandwidth(true)
                .configure(c -> c.notificationInterval(Duration.ofMillis(100)).admin(Principal::admin)).open();
        Principal me = Principal.current();
        EngineClient alice = assembly.engine().client(new Principal(me.uid(), me.gid(), me.name(), false));
        EngineClient bob = assembly.engine().client(new Principal(me.uid() + 1, me.gid(), "bob", false));
        EngineClient admin = assembly.engine().client(new Principal(me.uid() + 2, me.gid(), "admin", true));
        JobId id = start(alice, "/background.bin", 20L * 1024 * 1024, Priority.NORMAL);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            BandwidthReport r = alice.bandwidth();
            BandwidthReport.JobRate j = rateOf(r, id);
            // The interface is watched from the governor's first question about the job's server.
            return j != null && j.rate() > 0 && "lo".equals(j.interfaceName())
                    && r.interfaces().stream().anyMatch(l -> l.name().equals("lo"));
        });
        BandwidthReport report = alice.bandwidth();
        assertThat(report.estimating()).isTrue();
        BandwidthReport.Link lo = report.interfaces().stream()
                .filter(l -> l.name().equals("lo") && !l.upload()).findFirst().orElseThrow();
        assertThat(lo.allowance()).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> alice.bandwidth().interfaces().stream()
                .anyMatch(l -> l.name().equals("lo") && l.capacity() > 0 && l.capacitySource() != CapacitySource.UNKNOWN));
        assertThat(report.limits()).extracting(BandwidthReport.Limit::priority)
                .containsExactly(Priority.HIGH, Priority.NORMAL, Priority.LOW);
        assertThat(report.limits()).allSatisfy(l -> assertThat(l.limit()).isEqualTo(limit));
        BandwidthReport.JobRate job = rateOf(report, id);
        assertThat(job.limit()).isEqualTo(limit);
        assertThat(job.owner()).isEqualTo(me.name());
        assertThat(job.rate()).isBetween(1L, limit * 13 / 10);

        assertThat(bob.bandwidth().jobs()).as("another user's job is not bob's to see").isEmpty();
        assertThat(bob.bandwidth().interfaces()).as("the interfaces are the machine's").isNotEmpty();
        assertThat(rateOf(admin.bandwidth(), id)).as("an admin sees every user's jobs").isNotNull();
        alice.cancel(id);
    }
}
