package org.drizzle.engine.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.NotifyFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a per-user service (the agent that -Asynchronous starts) once it has had nothing to do
 * for a while: no client connected and no job that needs it — none queued, transferring or
 * waiting to retry, and no notify program still to run. The next host starts it again.
 */
final class IdleWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdleWatch.class);

    private final Duration after;
    private final ServiceTransport transport;
    private final EngineClient engine;
    private final Runnable stop;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drizzle-idle");
        t.setDaemon(true);
        return t;
    });
    private long busyAt = System.nanoTime();

    IdleWatch(Duration after, ServiceTransport transport, EngineClient engine, Runnable stop) {
        this.after = after;
        this.transport = transport;
        this.engine = engine;
        this.stop = stop;
        long every = Math.max(100, Math.min(after.toMillis() / 4, 30_000));
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    static boolean needsService(JobInfo job) {
        if (job.state().isMoving()) {
            return true;
        }
        return job.notifyCmdLine() != null && !job.notifyCmdLine().isEmpty()
                && NotifyFlags.notifiesOn(job.notifyFlags(), job.state());
    }

    private void check() {
        try {
            if (transport.connections() > 0 || engine.listJobs(true).stream().anyMatch(IdleWatch::needsService)) {
                busyAt = System.nanoTime();
                return;
            }
            if (System.nanoTime() - busyAt >= after.toNanos()) {
                LOG.info("Idle for {} s with no clients and no job to run; stopping", after.toSeconds());
                timer.shutdown();
                new Thread(stop, "drizzle-idle-stop").start();
            }
        } catch (RuntimeException e) {
            LOG.debug("idle check: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
