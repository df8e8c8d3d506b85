package org.drizzle.cmdlets.bits;

import java.util.concurrent.Semaphore;
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
 * at once if the first read still says Queued. Woken by the job's events; it returns once the job's
 * current state (read again after each event, as the script's next read will be) is decided, or
 * after {@link #BOUND_MILLIS}: on a machine loaded enough to keep the scheduler from a pass for a
 * second, a 1 s bound let such a loop end before the job had started.
 */
final class SchedulerHandoff {
    static final long BOUND_MILLIS = 3000;

    private SchedulerHandoff() {
    }

    /** The job's state once the scheduler has decided about it, or after the bound. */
    static JobInfo await(EngineClient engine, JobInfo resumed) {
        if (decided(resumed)) {
            return resumed;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        Semaphore changed = new Semaphore(0);
        try (Subscription events = engine.subscribe(e -> {
            if (e.job().id().equals(resumed.id())) {
                changed.release();
            }
        })) {
            JobInfo now = engine.getJob(resumed.id());
            while (!decided(now)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !changed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    return engine.getJob(resumed.id());
                }
                changed.drainPermits();
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
