package org.drizzle.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobError;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobRules;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;

/** Retry delays: Retry-After as a lower bound, and jitter over [delay, 1.5 × delay], repeatable with a seed. */
class RetryPolicyTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static JobError busy(Duration retryAfter) {
        return new JobError(ErrorContext.REMOTE_FILE, ErrorCodes.fromHttpStatus(503), "busy", null, null, null, retryAfter);
    }

    private Job transferring(long minimumRetryDelay) {
        Job job = new Job(JobId.random(), "j", JobType.DOWNLOAD, new Owner(1000, "alice"), NOW, 1);
        JobRules.apply(job, new JobOptions().minimumRetryDelay(minimumRetryDelay));
        job.transition(JobState.QUEUED, NOW);
        job.transition(JobState.CONNECTING, NOW);
        return job;
    }

    private Duration delayAfter(RetryPolicy policy, long minimumRetryDelay, Duration retryAfter) {
        Job job = transferring(minimumRetryDelay);
        policy.onError(job, busy(retryAfter), true);
        assertThat(job.state()).isEqualTo(JobState.TRANSIENT_ERROR);
        return Duration.between(NOW, job.retryAt());
    }

    @Test
    void retryAfterRaisesTheDelayAndJitterStaysWithinHalfAgain() {
        RetryPolicy policy = new RetryPolicy(clock, Duration.ofSeconds(60), new Random(7));
        for (int i = 0; i < 200; i++) {
            assertThat(delayAfter(policy, 60, Duration.ofSeconds(300))).isBetween(Duration.ofSeconds(300), Duration.ofSeconds(450));
            assertThat(delayAfter(policy, 60, Duration.ofSeconds(5))).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(90));
            assertThat(delayAfter(policy, 60, null)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(90));
        }
    }

    @Test
    void jitterIsSpreadAcrossTheWholeRange() {
        RetryPolicy policy = new RetryPolicy(clock, Duration.ofSeconds(60), new Random(11));
        long low = 0;
        long high = 0;
        for (int i = 0; i < 1000; i++) {
            long ms = policy.jittered(Duration.ofSeconds(100)).toMillis();
            low += ms < 112_500 ? 1 : 0;
            high += ms >= 137_500 ? 1 : 0;
        }
        assertThat(low).isBetween(150L, 350L);
        assertThat(high).isBetween(150L, 350L);
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        RetryPolicy a = new RetryPolicy(clock, Duration.ofSeconds(60), new Random(42));
        RetryPolicy b = new RetryPolicy(clock, Duration.ofSeconds(60), new Random(42));
        for (int i = 0; i < 20; i++) {
            assertThat(delayAfter(a, 60, Duration.ofSeconds(120))).isEqualTo(delayAfter(b, 60, Duration.ofSeconds(120)));
        }
    }
}
