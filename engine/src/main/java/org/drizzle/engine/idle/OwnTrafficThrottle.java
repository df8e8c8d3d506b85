package org.drizzle.engine.idle;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.job.JobId;
import org.drizzle.policy.Priority;

/**
 * Wraps the governor so every metered background byte is also counted in {@link OwnTraffic},
 * which is how the estimator tells Drizzle's background transfers from everyone else's
 * traffic. Foreground jobs are not metered, so their bytes count as "others" and background
 * jobs yield to them too, as BITS' background jobs yield to foreground ones. The direction
 * comes from {@link JobServers} (uploads count as sent, everything else as received).
 */
public final class OwnTrafficThrottle implements Throttle {

    private final Throttle governor;
    private final OwnTraffic own;
    private final JobServers jobs;

    public OwnTrafficThrottle(Throttle governor, OwnTraffic own, JobServers jobs) {
        this.governor = Objects.requireNonNull(governor, "governor");
        this.own = Objects.requireNonNull(own, "own");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    @Override
    public void acquire(JobId job, Priority priority, int bytes) throws InterruptedException {
        acquire(job, priority, bytes, () -> false);
    }

    /** Forwards the stop flag, so a transfer parked in the governor can still stop. */
    @Override
    public void acquire(JobId job, Priority priority, int bytes, BooleanSupplier stopping) throws InterruptedException {
        // Counted before the wait: a download's bytes have already arrived when they are metered,
        // and the estimator compares them with the interface's count of arrivals.
        JobServers.Server server = jobs.of(job);
        if (server != null && server.upload()) {
            own.sent(bytes);
        } else {
            own.received(bytes);
        }
        long start = System.nanoTime();
        governor.acquire(job, priority, bytes, stopping);
        own.throttled(System.nanoTime() - start);
    }

    @Override
    public boolean limits(JobId job, Priority priority) {
        return governor.limits(job, priority);
    }

    @Override
    public int preferredChunk(Priority priority) {
        return governor.preferredChunk(priority);
    }
}
