package org.drizzle.engine.schedule;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobError;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.RemoteName;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.drizzle.engine.transfer.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one started job: its unfinished files one at a time, in order, each through the first
 * {@link Transport} that handles it, on a {@link DiskFileSession}. Ends in one of four ways,
 * each reported to the {@link Scheduler}: every file done (TRANSFERRED), stopped at a durable
 * point (the stop reason decides), a transfer error (the {@link RetryPolicy} decides), or a
 * local file error (disk full is transient, the rest fatal, context LOCAL_FILE). The files'
 * durable records go through one {@link ProgressBatch} (group commit), committed before the
 * scheduler hears how the run ended.
 */
public final class TransferWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TransferWorker.class);

    private final ActiveTransfer transfer;
    private final Scheduler scheduler;
    private final List<Transport> transports;
    private final Impersonator impersonator;
    private final Throttle throttle;

    public TransferWorker(ActiveTransfer transfer, Scheduler scheduler, List<Transport> transports,
                          Impersonator impersonator, Throttle throttle) {
        this.transfer = transfer;
        this.scheduler = scheduler;
        this.transports = transports;
        this.impersonator = impersonator;
        this.throttle = throttle;
    }

    @Override
    public void run() {
        JobLifecycle lifecycle = scheduler.lifecycle();
        Clock clock = scheduler.clock();
        JobFile current = null;
        ProgressBatch batch = new ProgressBatch(lifecycle, transfer.job(), clock, scheduler.config());
        TempAhead ahead = new TempAhead(new OwnerFiles(impersonator));
        DiskFileSession.Worker parts = new DiskFileSession.Worker(lifecycle, impersonator, throttle, clock,
                scheduler.config(), transfer, batch, ahead);
        Job seen = null;
        JobInfo info = null;
        JobSecrets secrets = null;
        try {
            while (true) {
                // Ends the run (and reports it) when the job left the active states, a stop was asked or no file is left.
                JobLifecycle.Next next = scheduler.next(transfer, batch);
                if (next == null) {
                    return;
                }
                Job job = next.job();
                int index = next.index();
                current = job.files().get(index).copy();
                if (job != seen) {
                    // A snapshot costs a pass over every file: take it only when the job changed.
                    seen = job;
                    info = lifecycle.table().info(job);
                    secrets = new JobSecrets(job.credentials(), job.customHeaders(), job.clientCertificate());
                }
                URI remote = RemoteName.of(current.remoteName()).uri();
                Transport transport = pick(remote, info);
                DiskFileSession session = DiskFileSession.open(parts, info, secrets, index, current);
                try {
                    session.begin();
                    // After begin(): this file has taken the temp file opened for it.
                    prepareNext(ahead, job, index, info);
                    transport.transfer(session);
                    session.finish();
                } catch (TransferStoppedException | TransferException e) {
                    // Bytes written before a stop or a failure are good: keep them (write, force, record).
                    keepWritten(session);
                    throw e;
                } finally {
                    session.close();
                }
            }
        } catch (TransferStoppedException e) {
            commitQuietly(batch);
            scheduler.stopped(transfer);
        } catch (TransferException e) {
            commitQuietly(batch);
            scheduler.failed(transfer, withFile(e.toJobError(), current), e.isTransient());
        } catch (AccessDeniedException e) {
            commitQuietly(batch);
            scheduler.failed(transfer, localError(ErrorCodes.E_ACCESSDENIED, e, current), false);
        } catch (IOException e) {
            commitQuietly(batch);
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            int code = m.contains("no space left") || m.contains("disk full") || m.contains("not enough space")
                    ? ErrorCodes.ERROR_DISK_FULL : ErrorCodes.E_FAIL;
            scheduler.failed(transfer, localError(code, e, current), ErrorCodes.isTransient(code));
        } catch (RuntimeException e) {
            LOG.error("transfer of job {} failed unexpectedly", transfer.job(), e);
            commitQuietly(batch);
            scheduler.failed(transfer, withFile(new JobError(ErrorContext.GENERAL_QUEUE_MANAGER, ErrorCodes.E_FAIL,
                    ErrorCodes.describe(ErrorCodes.E_FAIL) + " " + e, null, null, null), current), false);
        } finally {
            ahead.close();
            scheduler.finished(transfer);
        }
    }

    /** Opens the temp file of the download's next file ahead when that file has no progress to check. */
    private static void prepareNext(TempAhead ahead, Job job, int index, JobInfo info) {
        if (job.type().isUpload() || index + 1 >= job.files().size()) {
            return;
        }
        JobFile next = job.files().get(index + 1);
        if (!next.completed() && next.bytesTransferred() == 0 && next.validator() == null && next.temporaryName() != null) {
            ahead.prepare(info.owner(), index + 1, Path.of(next.temporaryName()));
        }
    }

    /** Commits what the batch holds on a failure path: forced bytes keep their records if the store still works. */
    private static void commitQuietly(ProgressBatch batch) {
        try {
            batch.commit();
        } catch (RuntimeException e) {
            LOG.warn("could not record the last finished files: {}", e.getMessage());
        }
    }

    private static void keepWritten(DiskFileSession session) {
        try {
            session.checkpoint();
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not record the last bytes: {}", e.getMessage());
        }
    }

    private Transport pick(URI remote, JobInfo job) throws TransferException {
        for (Transport t : transports) {
            if (t.handles(remote, job.type())) {
                return t;
            }
        }
        throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.INTERNET_UNRECOGNIZED_SCHEME,
                "No transport handles " + remote + " for a " + job.type().displayName() + " job.");
    }

    private static JobError localError(int code, IOException e, JobFile file) {
        return withFile(new JobError(ErrorContext.LOCAL_FILE, code,
                ErrorCodes.describe(code) + " " + e.getMessage(), null, null, null), file);
    }

    private static JobError withFile(JobError error, JobFile file) {
        if (file == null) {
            return error;
        }
        String scheme;
        try {
            scheme = RemoteName.of(file.remoteName()).scheme();
        } catch (RuntimeException e) {
            scheme = null;
        }
        return error.withFile(file.remoteName(), file.localName(), scheme);
    }
}
