package org.drizzle.engine.schedule;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.job.JobId;
import org.drizzle.policy.Priority;

/**
 * One job the scheduler is running: when its slice and its active time began, whether a stop
 * was requested and why, and a latch the engine waits on to know the worker reached a durable
 * point. The stop flag is volatile so the transport sees it at its next buffer boundary.
 */
public final class ActiveTransfer {
    private final JobId job;
    private final Priority priority;
    private final Instant activeSince;
    private volatile Instant sliceStart;
    private volatile StopReason stop;
    private volatile Blocker blocker;
    private final CountDownLatch done = new CountDownLatch(1);
    private final RateMeter rate = new RateMeter();
    /** Whether a file of this run has had its first bytes (the job went or goes TRANSFERRING). */
    private boolean bytesArrived;

    ActiveTransfer(JobId job, Priority priority, Instant now) {
        this.job = job;
        this.priority = priority;
        this.activeSince = now;
        this.sliceStart = now;
    }

    public JobId job() {
        return job;
    }

    public Priority priority() {
        return priority;
    }

    Instant activeSince() {
        return activeSince;
    }

    Instant sliceStart() {
        return sliceStart;
    }

    void newSlice(Instant now) {
        sliceStart = now;
    }

    /** The worker thread while it waits in the bandwidth throttle, else null (guarded by this). */
    private Thread throttled;

    /** What aborts the transport's in-flight network I/O (guarded by this), or null. */
    private Runnable abort;

    /**
     * Asks the transfer to stop; the first reason wins. A worker waiting for bandwidth tokens
     * is interrupted (a slow policy rate could otherwise hold it for many seconds) and the
     * transport's registered abort cuts its in-flight request (a slow server could otherwise
     * hold a blocking read until the socket timeout); the worker thread itself is never
     * interrupted anywhere else, so file channels are never closed under a writer.
     */
    public void requestStop(StopReason reason, Blocker why) {
        Runnable cut;
        synchronized (this) {
            if (stop == null) {
                blocker = why;
                stop = reason;
            }
            if (throttled != null) {
                throttled.interrupt();
            }
            cut = abort;
            abort = null;
        }
        runAbort(cut);
    }

    /** Registers (null: clears) the transport's abort; runs it at once if a stop was already requested. */
    void onStop(Runnable action) {
        Runnable now = null;
        synchronized (this) {
            if (action != null && stop != null) {
                now = action;
                abort = null;
            } else {
                abort = action;
            }
        }
        runAbort(now);
    }

    private static void runAbort(Runnable cut) {
        if (cut == null) {
            return;
        }
        try {
            cut.run();
        } catch (RuntimeException e) {
            // The stop flag is set regardless; the worker still stops at its next buffer boundary.
            org.slf4j.LoggerFactory.getLogger(ActiveTransfer.class).debug("aborting a transfer failed", e);
        }
    }

    /** The calling worker enters the throttle; false if a stop is already requested. */
    synchronized boolean enterThrottle() {
        if (stop != null) {
            return false;
        }
        throttled = Thread.currentThread();
        return true;
    }

    /** The worker left the throttle; a late interrupt meant for the wait is cleared. */
    synchronized void leaveThrottle() {
        throttled = null;
        Thread.interrupted();
    }

    public boolean stopRequested() {
        return stop != null;
    }

    public StopReason stopReason() {
        return stop;
    }

    Blocker blocker() {
        return blocker;
    }

    RateMeter rate() {
        return rate;
    }

    void finished() {
        done.countDown();
    }

    /** Waits until the worker stopped at a durable point; false on timeout. */
    public boolean awaitDone(long millis) {
        try {
            return done.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True the first time a file of this run gets its first bytes (worker thread only). */
    boolean firstBytes() {
        if (bytesArrived) {
            return false;
        }
        bytesArrived = true;
        return true;
    }
}
