package org.drizzle.engine.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobError;
import org.drizzle.engine.job.JobState;

/**
 * BITS' retry rules (bits-reference.md §3.2-3.3). A fatal error puts the job in ERROR. A
 * transient error puts it in TRANSIENT_ERROR and retries after MinimumRetryDelay, unless
 * NoProgressTimeout is 0 (no retries), shorter than MinimumRetryDelay, or has already passed
 * without progress, in which case the job goes to ERROR at once. Jobs with a non-GET
 * HttpMethod cannot resume, so their transient errors are fatal too. Condition waits (network
 * down, policy, cost, owner logged off) are not counted against NoProgressTimeout: the wait's
 * length is added back to the last-progress time when the job leaves it.
 *
 * <p>Origin protection (docs/transfers.md): a server's Retry-After on 503/429 raises the delay
 * to at least what it asked, and every retry delay is spread uniformly over
 * [delay, 1.5 × delay], so clients that failed together do not come back together.
 */
public final class RetryPolicy {
    private final Clock clock;
    private final Duration conditionRetry;
    /** Guarded by itself (java.util.Random is thread-safe; a seeded one makes tests repeatable). */
    private final RandomGenerator random;

    public RetryPolicy(Clock clock, Duration conditionRetry) {
        this(clock, conditionRetry, new Random());
    }

    public RetryPolicy(Clock clock, Duration conditionRetry, RandomGenerator random) {
        this.clock = clock;
        this.conditionRetry = conditionRetry;
        this.random = random;
    }

    /**
     * Moves {@code job} (a copy being changed) to the state {@code error} calls for;
     * {@code transientError} is the transport's verdict (usually {@link JobError#isTransient()}).
     */
    public void onError(Job job, JobError error, boolean transientError) {
        Instant now = clock.instant();
        if (!transientError || !"GET".equals(job.httpMethod())) {
            job.fail(JobState.ERROR, error, now);
            return;
        }
        if (ErrorCodes.isConditionWait(error.code())) {
            job.fail(JobState.TRANSIENT_ERROR, error, now);
            job.conditionSince(now);
            job.retryAt(now.plus(min(Duration.ofSeconds(job.minimumRetryDelay()), conditionRetry)));
            return;
        }
        if (noProgressExpired(job, now) || job.minimumRetryDelay() > job.noProgressTimeout()) {
            job.fail(JobState.ERROR, error, now);
            return;
        }
        job.fail(JobState.TRANSIENT_ERROR, error, now);
        job.retryAt(now.plus(jittered(retryDelay(job, error))));
    }

    /** MinimumRetryDelay, raised to the server's Retry-After when it asked for longer. */
    static Duration retryDelay(Job job, JobError error) {
        Duration delay = Duration.ofSeconds(job.minimumRetryDelay());
        Duration asked = error.retryAfter();
        return asked != null && asked.compareTo(delay) > 0 ? asked : delay;
    }

    /** {@code delay} spread uniformly over [delay, 1.5 × delay]. */
    Duration jittered(Duration delay) {
        long millis = delay.toMillis();
        if (millis <= 0) {
            return delay;
        }
        long extra;
        synchronized (random) {
            extra = random.nextLong(millis / 2 + 1);
        }
        return delay.plusMillis(extra);
    }

    /** A RunCondition blocks the job with an error code: TRANSIENT_ERROR until the condition clears. */
    public void onConditionError(Job job, JobError error) {
        Instant now = clock.instant();
        job.fail(JobState.TRANSIENT_ERROR, error, now);
        job.conditionSince(now);
        job.retryAt(null);
    }

    /** NoProgressTimeout (0 = no retries) has run out since the last progress. */
    public boolean noProgressExpired(Job job, Instant now) {
        long npt = job.noProgressTimeout();
        return npt == 0 || !now.isBefore(job.lastProgressTime().plusSeconds(npt));
    }

    /** TRANSIENT_ERROR back to QUEUED; a condition wait's time is not counted as no-progress time. */
    public void requeue(Job job) {
        Instant now = clock.instant();
        if (job.conditionSince() != null) {
            job.lastProgressTime(job.lastProgressTime().plus(Duration.between(job.conditionSince(), now)));
            job.conditionSince(null);
        }
        job.transition(JobState.QUEUED, now);
        job.blockedReason(null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
