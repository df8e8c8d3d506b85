package org.drizzle.cmdlets.bits;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drizzle.cmdlets.api.CommandContext;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.api.ProgressRecord;
import org.drizzle.cmdlets.format.Sizes;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;

/**
 * A synchronous transfer (Start-/Resume-BitsTransfer without -Asynchronous): waits on engine
 * events until the job is Transferred (then Completes it) or in Error (then reports the job's
 * error and leaves the job for inspection), writing progress records for the host's bar.
 * {@link #cancel()} (Ctrl+C) cancels the job, as PowerShell does. The waiting thread is woken,
 * never interrupted: an interrupt closes a service connection's socket channel mid-call, so the
 * Cancel would be lost and the job left running in the service.
 */
final class JobWaiter {
    /** Fallback poll in case an event is missed (e.g. a remote engine reconnecting). */
    private static final long POLL_MILLIS = 500;
    /** How long Ctrl+C waits for the engine to confirm the Cancel before the command ends anyway. */
    static final long CANCEL_WAIT_SECONDS = 5;

    private final CommandContext ctx;
    private final BitsJob job;
    private final String command;
    private final LinkedBlockingQueue<JobInfo> updates = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;
    /** The latest snapshot seen here; BitsJob.info() may call the engine, which Ctrl+C must not wait on. */
    private volatile JobInfo last;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile RuntimeException refreshFailed;
    /** The wait last explained on the warning stream (state and reason), so each is said once. */
    private String shownWait;
    /** Open while waiting; null once closed or handed to the Cancel call. */
    private Subscription events;

    JobWaiter(CommandContext ctx, BitsJob job, String command) {
        this.ctx = ctx;
        this.job = job;
        this.command = command;
    }

    /** Waits for the job to finish; true when its files were committed. */
    boolean await() {
        events = job.engine().subscribe(this::onEvent);
        try {
            JobInfo info = job.engine().getJob(job.id());
            while (true) {
                last = info;
                job.update(info);
                progress(info, false);
                explainWait(info);
                switch (info.state()) {
                    case TRANSFERRED:
                        return complete();
                    case ERROR:
                        progress(info, true);
                        ctx.writeError(BitsErrors.of(info.error(), job, command));
                        return false;
                    case ACKNOWLEDGED, CANCELLED:
                        progress(info, true);
                        ctx.writeError(new ErrorRecord(new IllegalStateException("The BITS job " + job.id()
                                + " was " + info.state().displayName().toLowerCase() + " by another caller."),
                                "JobEndedElsewhere", ErrorCategory.OPERATION_STOPPED, job, command, 0));
                        return false;
                    default:
                        break;
                }
                info = next();
            }
        } catch (InterruptedException e) {
            // the flag is clear here, so the Cancel call is not itself interrupted; restore it after
            PipelineStoppedException stop = stopped();
            Thread.currentThread().interrupt();
            throw stop;
        } finally {
            if (events != null) {
                events.close();
            }
        }
    }

    /** The next snapshot: this thread only ever blocks on the queue, so Ctrl+C always reaches it. */
    private JobInfo next() throws InterruptedException {
        while (true) {
            if (cancelled || ctx.isStopping()) {
                throw stopped();
            }
            JobInfo latest = updates.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (cancelled || ctx.isStopping()) {
                throw stopped();
            }
            RuntimeException failed = refreshFailed;
            if (failed != null) {
                throw failed;
            }
            if (latest != null) {
                JobInfo newer;
                while ((newer = updates.poll()) != null) {
                    latest = newer;
                }
                return latest;
            }
            refresh();
        }
    }

    /**
     * No event for a while: asks the engine for the job on a helper thread, whose answer arrives
     * like an event. Asking on this thread would leave Ctrl+C waiting for a service that has
     * stopped answering (up to the remote call timeout).
     */
    private void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        background("drizzle-refresh-", () -> {
            try {
                updates.add(job.engine().getJob(job.id()));
            } catch (RuntimeException e) {
                refreshFailed = e;
                updates.add(last);
            } finally {
                refreshing.set(false);
            }
        });
    }

    private void background(String name, Runnable r) {
        Thread t = new Thread(r, name + job.id());
        t.setDaemon(true);
        t.start();
    }

    private void onEvent(JobEvent e) {
        if (e.job().id().equals(job.id())) {
            updates.add(e.job());
        }
    }

    private boolean complete() {
        CompleteResult r = job.engine().complete(job.id());
        job.update(r.job());
        progress(r.job(), true);
        if (r.status() != ErrorCodes.S_OK) {
            ctx.writeWarning(ErrorCodes.describe(r.status()));
        }
        return true;
    }

    /** Ctrl+C (any thread): the waiting thread wakes, cancels the job and ends the command. */
    void cancel() {
        cancelled = true;
        JobInfo wake = last;
        if (wake != null) {
            updates.add(wake); // any item wakes the poll; next() then sees the flag
        }
    }

    /**
     * Cancels the job, waiting at most {@link #CANCEL_WAIT_SECONDS} for the engine to confirm, so
     * Ctrl+C ends the command promptly even when a service does not answer; a warning then says
     * the job may still be queued. The event subscription is closed after the Cancel on the same
     * helper thread, as its unsubscribe call would wait on such a service too.
     */
    private PipelineStoppedException stopped() {
        Subscription subscription = events;
        events = null;
        CompletableFuture<JobInfo> call = new CompletableFuture<>();
        background("drizzle-cancel-", () -> {
            try {
                call.complete(job.engine().cancel(job.id()));
            } catch (RuntimeException e) {
                call.completeExceptionally(e);
            } finally {
                if (subscription != null) {
                    subscription.close();
                }
            }
        });
        try {
            JobInfo cancelledJob = call.get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            if (cancelledJob != null) {
                last = cancelledJob;
                job.update(cancelledJob);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof BitsException b) || !alreadyGone(b)) {
                ctx.writeWarning("Could not cancel the BITS job " + job.id() + ": " + e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            ctx.writeWarning("The engine did not confirm within " + CANCEL_WAIT_SECONDS + " s that the BITS job "
                    + job.id() + " was cancelled; check it with Get-BitsTransfer -JobId " + job.id() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress(last, true);
        return new PipelineStoppedException();
    }

    /** The job finished or was removed meanwhile: nothing is left to cancel. */
    private static boolean alreadyGone(BitsException e) {
        return e.code() == ErrorCodes.BG_E_NOT_FOUND || e.code() == ErrorCodes.BG_E_INVALID_STATE;
    }

    /**
     * Without a terminal (no progress bar) a job that stops moving says why on the warning stream,
     * once per state or reason change, so a log shows more than a silent ten-minute wait.
     */
    private void explainWait(JobInfo info) {
        String why = WaitReason.of(info, Instant.now());
        if (why == null || ctx.ui().isInteractive()) {
            shownWait = why;
            return;
        }
        String key = info.state() + "|" + (info.error() == null ? info.blockedReason() : info.error().description());
        if (!key.equals(shownWait)) {
            shownWait = key;
            ctx.writeWarning("BITS job '" + info.displayName() + "' " + why);
        }
    }

    private void progress(JobInfo info, boolean done) {
        JobProgress p = info.progress();
        boolean sizeKnown = p.bytesTotal() != JobProgress.UNKNOWN && p.bytesTotal() > 0;
        int percent = sizeKnown ? (int) Math.min(100, p.bytesTransferred() * 100 / p.bytesTotal()) : -1;
        String status = info.state().displayName() + ": " + Sizes.format(p.bytesTransferred()) + " of "
                + (sizeKnown ? Sizes.format(p.bytesTotal()) : "unknown size") + ", " + p.filesTransferred()
                + " of " + p.filesTotal() + " files" + (info.currentRate() > 0 ? ", " + Sizes.format(info.currentRate())
                + "/s" : "");
        String why = WaitReason.of(info, Instant.now());
        if (why != null) {
            status += " - " + why + " Ctrl+C cancels.";
        }
        String current = info.files().stream().filter(f -> !f.completed()).map(f -> f.remoteName()).findFirst().orElse("");
        ctx.writeProgress(new ProgressRecord(job.id().hashCode() & 0x7fffffff, info.displayName(), status, percent,
                current, done));
    }
}
