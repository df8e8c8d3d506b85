package org.drizzle.cmdlets.bits;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * {@link #cancel()} (Ctrl+C) cancels the job, as PowerShell does.
 */
final class JobWaiter {
    /** Fallback poll in case an event is missed (e.g. a remote engine reconnecting). */
    private static final long POLL_MILLIS = 500;

    private final CommandContext ctx;
    private final BitsJob job;
    private final String command;
    private final LinkedBlockingQueue<JobInfo> updates = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;
    private volatile Thread waiting;

    JobWaiter(CommandContext ctx, BitsJob job, String command) {
        this.ctx = ctx;
        this.job = job;
        this.command = command;
    }

    /** Waits for the job to finish; true when its files were committed. */
    boolean await() {
        waiting = Thread.currentThread();
        try (Subscription ignored = job.engine().subscribe(this::onEvent)) {
            JobInfo info = job.engine().getJob(job.id());
            while (true) {
                job.update(info);
                progress(info, false);
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
            Thread.currentThread().interrupt();
            throw stopped();
        } finally {
            waiting = null;
        }
    }

    private JobInfo next() throws InterruptedException {
        if (cancelled || ctx.isStopping()) {
            throw stopped();
        }
        JobInfo latest = updates.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (cancelled || ctx.isStopping()) {
            throw stopped();
        }
        if (latest == null) {
            return job.engine().getJob(job.id());
        }
        JobInfo newer;
        while ((newer = updates.poll()) != null) {
            latest = newer;
        }
        return latest;
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

    /** Ctrl+C: cancel the job and wake the waiting thread. */
    void cancel() {
        cancelled = true;
        Thread t = waiting;
        if (t != null) {
            t.interrupt();
        }
    }

    private PipelineStoppedException stopped() {
        try {
            job.update(job.engine().cancel(job.id()));
        } catch (BitsException e) {
            // Already finished or removed; nothing left to cancel.
        }
        progress(job.info(), true);
        return new PipelineStoppedException();
    }

    private void progress(JobInfo info, boolean done) {
        JobProgress p = info.progress();
        boolean sizeKnown = p.bytesTotal() != JobProgress.UNKNOWN && p.bytesTotal() > 0;
        int percent = sizeKnown ? (int) Math.min(100, p.bytesTransferred() * 100 / p.bytesTotal()) : -1;
        String status = info.state().displayName() + ": " + Sizes.format(p.bytesTransferred()) + " of "
                + (sizeKnown ? Sizes.format(p.bytesTotal()) : "unknown size") + ", " + p.filesTransferred()
                + " of " + p.filesTotal() + " files" + (info.currentRate() > 0 ? ", " + Sizes.format(info.currentRate())
                + "/s" : "") + (info.blockedReason() == null ? "" : " (" + info.blockedReason() + ")");
        String current = info.files().stream().filter(f -> !f.completed()).map(f -> f.remoteName()).findFirst().orElse("");
        ctx.writeProgress(new ProgressRecord(job.id().hashCode() & 0x7fffffff, info.displayName(), status, percent,
                current, done));
    }
}
