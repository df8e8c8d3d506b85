package org.drizzle.engine.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobError;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.store.JobTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which jobs transfer now, BITS' way.
 *
 * <p>Each pass ({@link #tick}) is one {@link JobLifecycle#decide} step: it reads the table and
 * fires the life cycle's scheduler triggers (started, retry, noProgressTimeout, blocked, expire);
 * it changes no job itself. Starting worker threads happens after the step. Workers report how a
 * run ended through the scheduler ({@link #stopped}, {@link #failed}, {@link #transferred}), which
 * hands the report to the life cycle unless shutdown gave up on them. A pass:
 * <ol>
 * <li>checks every running job: MaxDownloadTime used up (CONNECTING/TRANSFERRING time since the
 *     last Resume) stops it into ERROR BG_E_MAXDOWNLOAD_TIMEOUT; a {@link RunCondition} that now
 *     blocks it stops it into QUEUED (with the reason) or TRANSIENT_ERROR (with the code);</li>
 * <li>walks the TRANSIENT_ERROR jobs: condition waits go back to QUEUED as soon as no condition
 *     blocks them; others go back to QUEUED when MinimumRetryDelay has passed, or to ERROR once
 *     NoProgressTimeout passed without progress ({@link RetryPolicy});</li>
 * <li>walks the QUEUED jobs in order (priority, then the job that waited longest for a slice,
 *     then creation order; the table keeps this order so the walk stops early): Foreground jobs
 *     start while fewer than {@code foregroundCap} run; background jobs fill
 *     {@code backgroundSlots}. Blocked jobs are marked and skipped;</li>
 * <li>if a runnable background job is left waiting, the lowest-priority running background job
 *     is asked to stop at its next buffer boundary when the waiting job outranks it
 *     (pre-emption), or when they are equals and its time slice has run out (round robin: it
 *     goes to the back of its class). At most one such stop is in flight at a time.</li>
 * </ol>
 * Every ten-thousandth job costs nothing per pass: only running, transient and the head of the
 * queue are looked at. Housekeeping (JobInactivityTimeout, purging final jobs after the
 * retention) runs every {@link SchedulerConfig#housekeeping()}. A pass runs every
 * {@link SchedulerConfig#tick()} and whenever something {@link #wake}s the scheduler (a state
 * change, a finished transfer, a RunCondition change). Files inside a job go one at a time,
 * in order, on the job's worker ({@link TransferWorker}).
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final JobLifecycle lifecycle;
    private final JobTable table;
    private final Clock clock;
    private final SchedulerConfig config;
    private final List<RunCondition> conditions;
    private final Supplier<JobLimits> limits;
    private final RetryPolicy retry;
    private final TempFiles tempFiles;
    private final WorkerFactory workers;
    /** Running transfers by job (changed only inside {@link JobLifecycle#decide}; read freely for rates). */
    private final Map<JobId, ActiveTransfer> running = new ConcurrentHashMap<>();
    /** Jobs being completed: not to be started meanwhile (changed only inside {@link JobLifecycle#decide}). */
    private final Set<JobId> held = new HashSet<>();
    /** BlockedReason of a queued job waiting behind others for a transfer slot. */
    public static final String WAITING_FOR_SLOT = "Waiting for other jobs to finish.";
    private final ExecutorService pool;
    private final Object wakeLock = new Object();
    private boolean woken;
    private volatile boolean closed;
    /** Set when close() gave up waiting: late workers must not touch the (closing) store. */
    private volatile boolean abandoned;
    private Thread loop;
    private Instant lastHousekeeping = Instant.MIN;
    /**
     * When a TRANSIENT_ERROR job next falls due (a retry, a no-progress timeout): until then a
     * pass looks only at the transient jobs that changed, so a queue of thousands of failing jobs
     * costs each pass what changed, not every job (scheduler thread only).
     */
    private Instant transientDue = Instant.MIN;
    /** A run condition changed: every transient job waiting on a condition needs a look. */
    private volatile boolean conditionsChanged;

    /** Creates the worker for a started job (the engine supplies transports, throttle, identity). */
    public interface WorkerFactory {
        Runnable create(ActiveTransfer transfer, Scheduler scheduler);
    }

    public Scheduler(JobLifecycle lifecycle, Clock clock, SchedulerConfig config, List<RunCondition> conditions,
                     Supplier<JobLimits> limits, TempFiles tempFiles, WorkerFactory workers) {
        this.lifecycle = lifecycle;
        this.table = lifecycle.table();
        this.clock = clock;
        this.config = config;
        this.conditions = List.copyOf(conditions);
        this.limits = limits;
        this.retry = new RetryPolicy(clock, config.conditionRetry());
        this.tempFiles = tempFiles;
        this.workers = workers;
        AtomicInteger n = new AtomicInteger();
        // Platform threads: the Impersonator changes per-thread identity, which virtual threads would leak.
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "drizzle-transfer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (RunCondition c : this.conditions) {
            c.onChange(() -> {
                conditionsChanged = true;
                wake();
            });
        }
    }

    public RetryPolicy retryPolicy() {
        return retry;
    }

    public SchedulerConfig config() {
        return config;
    }

    /** Starts the scheduling thread. */
    public void start() {
        loop = new Thread(this::run, "drizzle-scheduler");
        loop.setDaemon(true);
        loop.start();
    }

    /** Asks for a pass soon (state change, finished transfer, condition change). */
    public void wake() {
        synchronized (wakeLock) {
            woken = true;
            wakeLock.notifyAll();
        }
    }

    private void run() {
        while (!closed) {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.error("scheduler pass failed", e);
            }
            synchronized (wakeLock) {
                long deadline = System.nanoTime() + config.tick().toNanos();
                while (!woken && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(wakeLock, left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /** One scheduling pass (see the class comment). Public so tests with a fake clock drive it. */
    public void tick() {
        List<ActiveTransfer> toStart = new ArrayList<>();
        List<Job> toCancel = new ArrayList<>();
        lifecycle.decide(() -> {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            checkRunning(now);
            checkTransient(now);
            schedule(now, toStart);
            if (!now.isBefore(lastHousekeeping.plus(config.housekeeping()))) {
                lastHousekeeping = now;
                housekeeping(now, toCancel);
            }
        });
        for (ActiveTransfer t : toStart) {
            pool.execute(workers.create(t, this));
        }
        for (Job j : toCancel) {
            if (tempFiles.delete(j, false) == 0) {
                lifecycle.swept(j.id());
            }
        }
    }

    private void checkRunning(Instant now) {
        for (ActiveTransfer t : running.values()) {
            Job job = table.find(t.job());
            if (t.stopRequested() || job == null || !job.state().isActive()) {
                continue;
            }
            long limit = job.effectiveMaxDownloadTime(limits.get().maxDownloadTime());
            long active = job.activeMillis() + Duration.between(t.activeSince(), now).toMillis();
            if (limit > 0 && active >= limit * 1000) {
                t.requestStop(StopReason.MAX_DOWNLOAD_TIME, null);
                continue;
            }
            Blocker b = blocker(job);
            if (b != null) {
                t.requestStop(StopReason.BLOCKED, b);
            }
        }
    }

    private void checkTransient(Instant now) {
        List<JobId> changed = table.takeTransientTouched();
        List<JobId> look = changed;
        if (!now.isBefore(transientDue) || conditionsChanged) {
            conditionsChanged = false;
            transientDue = Instant.MAX;
            look = table.transientErrors();
        }
        for (JobId id : look) {
            Job job = table.find(id);
            if (job == null || job.state() != JobState.TRANSIENT_ERROR) {
                continue;
            }
            if (job.conditionSince() != null) {
                boolean due = job.retryAt() == null || !now.isBefore(job.retryAt());
                if (due && blocker(job) == null) {
                    lifecycle.retry(id);
                } else {
                    // A blocker can clear with time (a schedule, the start spread), not only by an event.
                    later(due ? now.plus(config.tick()) : job.retryAt());
                }
            } else if (retry.noProgressExpired(job, now)) {
                lifecycle.noProgressTimeout(id, now);
            } else if (job.retryAt() != null && !now.isBefore(job.retryAt())) {
                lifecycle.retry(id);
            } else {
                later(job.lastProgressTime().plusSeconds(job.noProgressTimeout()));
                if (job.retryAt() != null) {
                    later(job.retryAt());
                }
            }
        }
    }

    private void later(Instant due) {
        if (due.isBefore(transientDue)) {
            transientDue = due;
        }
    }

    private void schedule(Instant now, List<ActiveTransfer> toStart) {
        int foreground = 0;
        List<ActiveTransfer> background = new ArrayList<>();
        boolean stopInFlight = false;
        for (ActiveTransfer t : running.values()) {
            if (t.priority().isBackground()) {
                background.add(t);
                stopInFlight |= t.stopReason() == StopReason.PREEMPTED || t.stopReason() == StopReason.SLICE_END;
            } else {
                foreground++;
            }
        }
        int freeSlots = config.backgroundSlots() - background.size();
        List<Job> start = new ArrayList<>();
        List<Job> blocked = new ArrayList<>();
        List<Blocker> blockers = new ArrayList<>();
        Job waiting = null;
        for (Job job : table.queued()) {
            if (held.contains(job.id()) || running.containsKey(job.id())) {
                continue;
            }
            boolean fg = !job.priority().isBackground();
            if (fg ? foreground >= config.foregroundCap() : (freeSlots <= 0 && waiting != null)) {
                if (fg) {
                    continue;
                }
                break;
            }
            Blocker b = blocker(job);
            if (b != null) {
                blocked.add(job);
                blockers.add(b);
                continue;
            }
            if (fg) {
                foreground++;
                start.add(job);
            } else if (freeSlots > 0) {
                freeSlots--;
                start.add(job);
            } else {
                waiting = job;
            }
        }
        for (int i = 0; i < blocked.size(); i++) {
            lifecycle.blocked(blocked.get(i), blockers.get(i));
        }
        for (Job job : start) {
            lifecycle.started(job.id(), now);
            ActiveTransfer t = new ActiveTransfer(job.id(), job.priority(), now);
            running.put(job.id(), t);
            toStart.add(t);
        }
        markWaiting(start, blocked);
        if (waiting != null && !stopInFlight) {
            preemptFor(waiting, background, now);
        }
    }

    /**
     * Queued jobs this pass neither started nor blocked wait for a free slot; saying so lets a
     * caller (Start-BitsTransfer -Asynchronous) see that the scheduler has decided about them.
     */
    private void markWaiting(List<Job> started, List<Job> blocked) {
        Set<JobId> decided = new HashSet<>();
        started.forEach(j -> decided.add(j.id()));
        blocked.forEach(j -> decided.add(j.id()));
        List<JobId> waiting = new ArrayList<>();
        for (Job job : table.queued()) {
            // The cheap test first: after one pass nearly every queued job already says so.
            if (!WAITING_FOR_SLOT.equals(job.blockedReason()) && !held.contains(job.id())
                    && !running.containsKey(job.id()) && !decided.contains(job.id())) {
                waiting.add(job.id());
            }
        }
        for (JobId id : waiting) {
            lifecycle.waiting(id, WAITING_FOR_SLOT);
        }
    }

    private void preemptFor(Job waiting, List<ActiveTransfer> background, Instant now) {
        ActiveTransfer worst = null;
        for (ActiveTransfer t : background) {
            if (t.stopRequested()) {
                continue;
            }
            if (worst == null || worst.priority().outranks(t.priority())
                    || (worst.priority() == t.priority() && t.sliceStart().isBefore(worst.sliceStart()))) {
                worst = t;
            }
        }
        if (worst == null) {
            return;
        }
        if (waiting.priority().outranks(worst.priority())) {
            worst.requestStop(StopReason.PREEMPTED, null);
        } else if (waiting.priority() == worst.priority()
                && !now.isBefore(worst.sliceStart().plus(config.timeSlice()))) {
            worst.requestStop(StopReason.SLICE_END, null);
        }
    }

    /** Null if every RunCondition lets {@code job} run, else the first blocker. */
    Blocker blocker(Job job) {
        Blocker spread = StartSpread.blocker(job, clock.instant());
        if (spread != null) {
            return spread;
        }
        if (conditions.isEmpty()) {
            return null;
        }
        JobInfo info = table.info(job);
        for (RunCondition c : conditions) {
            Blocker b = c.check(info);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    private void housekeeping(Instant now, List<Job> toCancel) {
        Duration inactivity = limits.get().jobInactivityTimeout();
        for (Job job : table.all()) {
            if (!job.state().isFinal() && !running.containsKey(job.id())
                    && !now.isBefore(job.modificationTime().plus(inactivity))) {
                LOG.info("job {} idle since {}: cancelled after JobInactivityTimeout {}", job.id(),
                        job.modificationTime(), inactivity);
                toCancel.add(lifecycle.expire(job.id(), now));
            }
        }
        try {
            lifecycle.purge(now.minus(config.retention()));
        } catch (IOException e) {
            LOG.warn("purging final jobs: {}", e.getMessage());
        }
    }

    /**
     * Asks {@code id}'s transfer (if running) to stop for {@code reason}; returns the transfer to
     * wait on, or null. The life cycle calls it in the same step as the state change.
     */
    public ActiveTransfer requestStop(JobId id, StopReason reason) {
        ActiveTransfer t = running.get(id);
        if (t != null) {
            t.requestStop(reason, null);
        }
        wake();
        return t;
    }

    /** Keeps {@code id} from starting until {@link #release}: Complete is committing it. */
    void hold(JobId id) {
        lifecycle.decide(() -> held.add(id));
    }

    void release(JobId id) {
        lifecycle.decide(() -> held.remove(id));
        wake();
    }

    /** Bytes per second the job moved over the last two seconds (0 when not running). */
    public long rate(JobId id) {
        ActiveTransfer t = running.get(id);
        return t == null ? 0 : t.rate().rate();
    }

    /** Whether {@code id} has a worker (for tests and diagnostics). */
    public boolean isRunning(JobId id) {
        return running.containsKey(id);
    }

    /** Called by a worker when it returned; frees the slot. */
    void finished(ActiveTransfer t) {
        lifecycle.decide(() -> running.remove(t.job(), t));
        t.finished();
        wake();
    }

    /** The worker's next file, or null when its run ended ({@link JobLifecycle#next}). */
    JobLifecycle.Next next(ActiveTransfer t, ProgressBatch batch) {
        return lifecycle.next(t, batch);
    }

    /** The worker stopped at a durable point: {@link JobLifecycle#stopped}. */
    void stopped(ActiveTransfer t) {
        if (!abandoned) {
            lifecycle.stopped(t);
        }
    }

    /** A transfer error: {@link JobLifecycle#failed} (unless suspended or cancelled meanwhile). */
    void failed(ActiveTransfer t, JobError error, boolean transientError) {
        if (!abandoned) {
            lifecycle.failed(t, error, transientError);
        }
    }

    /** Every file is done: {@link JobLifecycle#transferred}. */
    void transferred(ActiveTransfer t) {
        if (!abandoned) {
            lifecycle.transferred(t);
        }
    }

    JobLifecycle lifecycle() {
        return lifecycle;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Stops the scheduling loop, asks every transfer to stop at a durable point (their jobs go
     * back to QUEUED), and waits up to {@link SchedulerConfig#stopTimeout()} for them.
     */
    @Override
    public void close() {
        List<ActiveTransfer> active = new ArrayList<>();
        lifecycle.decide(() -> {
            closed = true;
            active.addAll(running.values());
            for (ActiveTransfer t : active) {
                t.requestStop(StopReason.SHUTDOWN, null);
            }
        });
        wake();
        long deadline = System.currentTimeMillis() + config.stopTimeout().toMillis();
        for (ActiveTransfer t : active) {
            if (!t.awaitDone(Math.max(1, deadline - System.currentTimeMillis()))) {
                LOG.warn("transfer of job {} did not stop within {}", t.job(), config.stopTimeout());
            }
        }
        abandoned = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
                LOG.warn("transfer threads still running after {}", config.stopTimeout());
                pool.shutdownNow();
            }
            if (loop != null) {
                loop.join(config.stopTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
