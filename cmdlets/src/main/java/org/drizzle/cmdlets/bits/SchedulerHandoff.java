package org.drizzle.cmdlets.bits;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;

/**
 * What an -Asynchronous transfer waits for before it returns its BitsJob: the scheduler has taken
 * the job (Connecting or later) or has decided it waits (a BlockedReason: behind other jobs, by
 * policy, no network). Scripts written for Windows poll {@code $job.JobState} in a loop such as
 * {@code while ($job.JobState -eq 'Transferring' -or $job.JobState -eq 'Connecting')}, which ends
 * at once if the first read still says Queued. Woken by the job's events, bounded by
 * {@link #BOUND_MILLIS}.
 */
final class SchedulerHandoff {
    static final long BOUND_MILLIS = 1000;

    private SchedulerHandoff() {
    }

    /** The job's state once the scheduler has decided about it, or after the bound. */
    static JobInfo await(EngineClient engine, JobInfo resumed) {
        if (decided(resumed)) {
            return resumed;
        }
        CountDownLatch seen = new CountDownLatch(1);
        try (Subscription events = engine.subscribe(e -> {
            if (e.job().id().equals(resumed.id()) && decided(e.job())) {
                seen.countDown();
            }
        })) {
            JobInfo now = engine.getJob(resumed.id());
            if (!decided(now)) {
                seen.await(BOUND_MILLIS, TimeUnit.MILLISECONDS);
                now = engine.getJob(resumed.id());
            }
            return now;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return resumed;
        } catch (BitsException e) {
            // Cancelled or completed by another caller meanwhile: the job object reads that itself.
            return resumed;
        }
    }

    static boolean decided(JobInfo job) {
        return job.state() != JobState.QUEUED || job.blockedReason() != null;
    }
}
