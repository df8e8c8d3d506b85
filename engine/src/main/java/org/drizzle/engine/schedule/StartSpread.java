package org.drizzle.engine.schedule;

import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.job.Job;

/**
 * StartSpread (docs/job-model.md, "Origin protection"): a job with a spread of S seconds waits a
 * random 0..S seconds after its first Resume before its first start, QUEUED with a BlockedReason
 * saying until when, so a fleet whose scheduled tasks fire at the same minute does not reach the
 * origin at the same second. S is the job's own StartSpread (Start-BitsTransfer -StartSpread),
 * else, for background jobs, the policy's Drizzle\StartSpreadSeconds. Later resumes and retries
 * do not wait again.
 */
public final class StartSpread {
    private static final RandomGenerator RANDOM = new Random();

    private StartSpread() {
    }

    /** At a Resume: when the job may start (null for no wait); {@code policySpread} is the policy's value. */
    public static Instant firstStart(Job job, Instant now, long policySpread) {
        return firstStart(job, now, policySpread, RANDOM);
    }

    static Instant firstStart(Job job, Instant now, long policySpread, RandomGenerator random) {
        if (job.everResumed()) {
            return job.startAfter();
        }
        long spread = job.startSpread() != null ? job.startSpread()
                : job.priority().isBackground() ? policySpread : 0;
        if (spread <= 0) {
            return null;
        }
        long millis;
        synchronized (random) {
            millis = random.nextLong(spread * 1000 + 1);
        }
        return now.plusMillis(millis);
    }

    /** What holds {@code job} back at {@code now}, or null once its start time has come. */
    static Blocker blocker(Job job, Instant now) {
        Instant at = job.startAfter();
        if (at == null || !now.isBefore(at)) {
            return null;
        }
        return new Blocker(0, "Start spread: the first start waits until " + at + ".", false);
    }
}
