package org.drizzle.engine.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobRules;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.NotifyFlags;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs' notify command lines as BITS does (bits-reference §6).
 *
 * <p>A job's command runs once each time the job enters TRANSFERRED or ERROR, if its notify
 * flags ask for that state (JOB_MODIFICATION and the file flags never trigger it), and also if
 * the command is set while the job is already there. It runs as the owner, never for service
 * accounts. If the program exits non-zero (or overruns its time limit) and the job is still
 * TRANSFERRED or ERROR, it runs again after the job's MinimumRetryDelay. Outcomes go to the
 * log and the system log.
 *
 * <p>Events arrive on engine threads; this class only records them and hands the work to the
 * job owner's queue ({@link OwnerQueues}): a slow program never stalls the engine, and one
 * owner's slow program never delays another owner's. Names, program output and error texts are
 * escaped ({@link LogText}) in every log line.
 */
public final class NotifyCommandRunner implements JobListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyCommandRunner.class);

    private final Function<JobId, JobInfo> lookup;
    private final SessionMonitor sessions;
    private final NotifyLauncher launcher;
    private final SystemLog systemLog;
    private final Duration timeLimit;
    private final Duration retryDelayOverride;
    /** The state each job's command was last started for; cleared when the job leaves it. */
    private final Map<JobId, JobState> handled = new ConcurrentHashMap<>();
    private final OwnerQueues queues = new OwnerQueues();
    /** Only moves due retries into their owner's queue, so it is never busy. */
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drizzle-notify-retry");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param lookup             the job as it is now (null once gone), for re-checks before a retry
     * @param timeLimit          how long a program may run before it is killed
     * @param retryDelayOverride null to use each job's MinimumRetryDelay (tests shorten it)
     */
    public NotifyCommandRunner(Function<JobId, JobInfo> lookup, SessionMonitor sessions, NotifyLauncher launcher,
                               SystemLog systemLog, Duration timeLimit, Duration retryDelayOverride) {
        this.lookup = lookup;
        this.sessions = sessions;
        this.launcher = launcher;
        this.systemLog = systemLog;
        this.timeLimit = timeLimit;
        this.retryDelayOverride = retryDelayOverride;
    }

    @Override
    public void onEvent(JobEvent event) {
        JobInfo job = event.job();
        JobState state = job.state();
        if (state != JobState.TRANSFERRED && state != JobState.ERROR) {
            handled.remove(job.id());
            return;
        }
        if (!wants(job) || handled.put(job.id(), state) == state) {
            return;
        }
        long uid = job.owner().uid();
        queues.submit(uid, () -> attempt(job.id(), state));
    }

    private boolean wants(JobInfo job) {
        List<String> cmd = job.notifyCmdLine();
        return cmd != null && !cmd.isEmpty()
                && NotifyFlags.notifiesOn(job.notifyFlags(), job.state())
                && !sessions.isServiceAccount(job.owner());
    }

    private void attempt(JobId id, JobState forState) {
        JobInfo job;
        try {
            job = lookup.apply(id);
        } catch (RuntimeException e) {
            LOG.warn("Notify: could not read job {}: {}", id, LogText.of(e));
            return;
        }
        if (job == null || job.state() != forState || !wants(job)) {
            return;
        }
        NotifyLauncher.Outcome outcome;
        try {
            JobRules.checkNotifyCmdLine(job.notifyCmdLine());
            outcome = launcher.run(job.notifyCmdLine(), job.owner(), timeLimit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            outcome = new NotifyLauncher.Outcome(-1, false, e.getMessage());
        }
        String result = (outcome.timedOut() ? "was killed after " + seconds(timeLimit) : "exited with " + outcome.exitCode())
                + (outcome.outputTail().isEmpty() ? "" : "; output: " + LogText.of(outcome.outputTail()));
        String summary = "Notify command " + LogText.of(job.notifyCmdLine().get(0)) + " for job " + id + " ("
                + LogText.of(job.displayName()) + ", owner " + LogText.of(job.owner().name()) + ") " + result;
        systemLog.record(outcome.succeeded() ? SystemEvent.NOTIFY_COMMAND_RAN : SystemEvent.NOTIFY_COMMAND_FAILED,
                job, summary);
        if (outcome.succeeded()) {
            LOG.info(summary);
            return;
        }
        Duration delay = retryDelayOverride != null ? retryDelayOverride : Duration.ofSeconds(job.minimumRetryDelay());
        LOG.warn("{}; runs again in {} if the job is still {}", summary, seconds(delay), forState);
        long uid = job.owner().uid();
        retries.schedule(() -> queues.submit(uid, () -> attempt(id, forState)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        retries.shutdownNow();
        queues.close();
    }
}
