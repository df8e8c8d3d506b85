package org.drizzle.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.LoopbackEngineTest;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * StartSpread in the real engine: the first start waits (QUEUED, with a BlockedReason naming the
 * time) until a random moment within the spread, from the job's own value or the policy's for
 * background jobs; real downloads from a loopback server once the (movable) clock gets there.
 */
class StartSpreadTest extends LoopbackEngineTest {
    static final JobLimits POLICY_SPREAD_300 = new JobLimits(60, 300, 200, 500, Duration.ofDays(90),
            Duration.ofSeconds(7_776_000), 300);

    @Override
    protected EngineFixture fixture(Path store) throws Exception {
        return new EngineFixture(store, b -> b.limits(() -> POLICY_SPREAD_300));
    }

    @BeforeEach
    void serveFile() {
        server.resource("/f").generated(20_000);
    }

    private JobId job(JobOptions options) {
        JobInfo job = client.createJob("spread", JobType.DOWNLOAD, options);
        client.addFile(job.id(), server.uri("/f").toString(), dir.resolve(job.id() + ".bin").toString(), null);
        return job.id();
    }

    private static Instant waitsUntil(JobInfo j) {
        String reason = j.blockedReason();
        assertThat(reason).startsWith("Start spread: the first start waits until ");
        return Instant.parse(reason.substring(reason.lastIndexOf(' ') + 1, reason.length() - 1));
    }

    private JobInfo awaitBlocked(JobId id) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            fx.engine.scheduler().wake();
            return client.getJob(id).blockedReason() != null;
        });
        return client.getJob(id);
    }

    @Test
    void theFirstStartWaitsWithinTheSpreadThenTransfers() {
        JobId id = job(new JobOptions().priority(Priority.FOREGROUND).startSpread(600));
        Instant resumed = fx.clock.instant();
        client.resume(id);
        JobInfo waiting = awaitBlocked(id);
        assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
        Instant at = waitsUntil(waiting);
        assertThat(at).isBetween(resumed, resumed.plusSeconds(600));
        fx.clock.advance(Duration.between(resumed, at).minusSeconds(1));
        fx.engine.scheduler().wake();
        assertThat(client.getJob(id).state()).isEqualTo(JobState.QUEUED);
        fx.clock.advance(Duration.ofSeconds(2));
        fx.awaitState(client, id, JobState.TRANSFERRED);
        // A later Resume does not wait again.
        client.suspend(id);
        client.resume(id);
        assertThat(client.getJob(id).blockedReason()).isNull();
    }

    @Test
    void thePolicyValueSpreadsBackgroundJobsThatSetNone() {
        JobId background = job(new JobOptions().priority(Priority.NORMAL));
        JobId foreground = job(new JobOptions().priority(Priority.FOREGROUND));
        JobId optedOut = job(new JobOptions().priority(Priority.LOW).startSpread(0));
        Instant resumed = fx.clock.instant();
        client.resume(background);
        client.resume(foreground);
        fx.awaitState(client, foreground, JobState.TRANSFERRED);
        assertThat(waitsUntil(awaitBlocked(background))).isBetween(resumed, resumed.plusSeconds(300));
        client.resume(optedOut);
        fx.awaitState(client, optedOut, JobState.TRANSFERRED);
        assertThat(client.getJob(background).state()).isEqualTo(JobState.QUEUED);
        fx.clock.advance(Duration.ofSeconds(301));
        fx.awaitState(client, background, JobState.TRANSFERRED);
    }

    @Test
    void aSpreadOutsideOneDayIsRefused() {
        for (long bad : new long[] {-1, 86_401}) {
            assertThatThrownBy(() -> client.createJob("bad", JobType.DOWNLOAD, new JobOptions().startSpread(bad)))
                    .isInstanceOf(BitsException.class).hasMessageContaining("StartSpread " + bad + " s");
        }
    }

    @Test
    void spreadStartsAreUniformOverTheSpreadAndRepeatableWithASeed() {
        org.drizzle.engine.job.Job job = new org.drizzle.engine.job.Job(JobId.random(), "j", JobType.DOWNLOAD,
                new org.drizzle.engine.job.Owner(1000, "alice"), Instant.EPOCH, 1);
        org.drizzle.engine.job.JobRules.apply(job, new JobOptions().startSpread(100));
        java.util.Random a = new java.util.Random(3);
        java.util.Random b = new java.util.Random(3);
        int firstHalf = 0;
        for (int i = 0; i < 1000; i++) {
            Instant at = StartSpread.firstStart(job, Instant.EPOCH, 0, a);
            assertThat(at).isEqualTo(StartSpread.firstStart(job, Instant.EPOCH, 0, b));
            assertThat(at).isBetween(Instant.EPOCH, Instant.EPOCH.plusSeconds(100));
            firstHalf += at.isBefore(Instant.EPOCH.plusSeconds(50)) ? 1 : 0;
        }
        assertThat(firstHalf).isBetween(400, 600);
    }
}
