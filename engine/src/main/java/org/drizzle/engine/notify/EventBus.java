package org.drizzle.engine.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers job events to in-process {@link JobListener}s on one dispatcher thread, so
 * listeners run outside every engine lock and see a job's events in the order they happened.
 *
 * <p>State changes ({@link #publish}) are delivered at once. Progress ({@link #progress}) is
 * coalesced per job: at most one MODIFICATION per notification interval (500 ms by default,
 * BITS' MINIMUM_NOTIFICATION_INTERVAL_MS), always carrying the newest snapshot; a state event
 * drops any progress snapshot still waiting for that job, which is older by construction.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final Clock clock;
    private final long intervalNanos;
    private final ScheduledExecutorService dispatcher;
    private final CopyOnWriteArrayList<Sub> subscribers = new CopyOnWriteArrayList<>();
    /** Per-job progress coalescing, guarded by itself. */
    private final Map<JobId, Pending> pending = new HashMap<>();

    public EventBus(Clock clock, Duration notificationInterval) {
        this.clock = clock;
        this.intervalNanos = notificationInterval.toNanos();
        ScheduledThreadPoolExecutor d = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "drizzle-events");
            t.setDaemon(true);
            return t;
        });
        // close() flushes what waits for its interval at once; the timers themselves are dropped.
        d.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.dispatcher = d;
    }

    /** Subscribes {@code listener} to the events of jobs {@code visible} accepts. */
    public Subscription subscribe(Predicate<JobInfo> visible, JobListener listener) {
        Sub sub = new Sub(visible, listener);
        subscribers.add(sub);
        return () -> subscribers.remove(sub);
    }

    /** A state or property change: delivered now (after earlier events). */
    public void publish(JobEvent.Kind kind, JobInfo job) {
        synchronized (pending) {
            Pending p = pending.get(job.id());
            if (p != null) {
                p.latest = null;
            }
        }
        JobEvent event = new JobEvent(kind, job, clock.instant());
        submit(() -> deliver(event));
    }

    /** Progress: delivered as MODIFICATION at most once per interval per job, newest snapshot wins. */
    public void progress(JobInfo job) {
        long now = System.nanoTime();
        long delay;
        synchronized (pending) {
            Pending p = pending.computeIfAbsent(job.id(), id -> new Pending());
            p.latest = job;
            if (p.scheduled) {
                return;
            }
            p.scheduled = true;
            delay = Math.max(0, p.lastSent + intervalNanos - now);
        }
        try {
            dispatcher.schedule(() -> flush(job.id()), delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("event bus closed; progress of {} dropped", job.id());
        }
    }

    /** Forgets a purged job's coalescing state. */
    public void forget(JobId id) {
        synchronized (pending) {
            pending.remove(id);
        }
    }

    private void flush(JobId id) {
        JobInfo info;
        synchronized (pending) {
            Pending p = pending.get(id);
            if (p == null) {
                return;
            }
            p.scheduled = false;
            info = p.latest;
            p.latest = null;
            if (info == null) {
                return;
            }
            p.lastSent = System.nanoTime();
        }
        deliver(new JobEvent(JobEvent.Kind.MODIFICATION, info, clock.instant()));
    }

    private void submit(Runnable r) {
        try {
            dispatcher.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("event bus closed; event dropped");
        }
    }

    private void deliver(JobEvent event) {
        for (Sub s : subscribers) {
            try {
                if (s.visible.test(event.job())) {
                    s.listener.onEvent(event);
                }
            } catch (RuntimeException e) {
                // The listener contract forbids throwing; one bad listener must not starve the others.
                LOG.warn("job listener {} threw on {} of {}", s.listener, event.kind(), event.job().id(), e);
            }
        }
    }

    /**
     * Delivers what is queued, progress waiting for its interval included, without waiting out
     * that interval (up to {@code timeout} in all), then stops the dispatcher.
     */
    public void close(Duration timeout) {
        List<JobId> waiting;
        synchronized (pending) {
            waiting = pending.entrySet().stream().filter(e -> e.getValue().scheduled).map(Map.Entry::getKey).toList();
        }
        for (JobId id : waiting) {
            submit(() -> flush(id));
        }
        dispatcher.shutdown();
        try {
            if (!dispatcher.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("event dispatch did not finish within {}", timeout);
                dispatcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dispatcher.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    private record Sub(Predicate<JobInfo> visible, JobListener listener) {
    }

    private static final class Pending {
        JobInfo latest;
        boolean scheduled;
        long lastSent = Long.MIN_VALUE / 2;
    }
}
