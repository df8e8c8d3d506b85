package org.drizzle.engine.schedule;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.RemoteName;
import org.drizzle.engine.transfer.FileSession;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.TransferStoppedException;

/**
 * The scheduler's {@link FileSession} for one file of a running job: what every transfer has
 * (the job, the file, its remote name, its durable transport state, the stop request, the
 * bandwidth governor). {@link #open} gives the role the job's type calls for: a
 * {@link DiskDownload} (the hidden temp file) or a {@link DiskUpload} (the owner's source).
 * Every record goes through the job's {@link ProgressBatch} or, committing that batch first,
 * straight to the {@link JobLifecycle}, so records never overtake each other. All file I/O runs
 * through the {@link Impersonator} as the job's owner.
 */
abstract class DiskFileSession implements FileSession {
    /** What the sessions of one worker share. */
    record Worker(JobLifecycle lifecycle, Impersonator impersonator, Throttle throttle, Clock clock,
                  SchedulerConfig config, ActiveTransfer handle, ProgressBatch batch, TempAhead ahead) {
    }

    protected final Worker w;
    protected final OwnerFiles files;
    protected final JobInfo job;
    protected final JobSecrets secrets;
    protected final int index;
    protected final JobFileInfo file;
    private URI remote;
    /** Bytes of this file durable (downloads: in the temp file; uploads: at the server) and recorded. */
    protected long offset;
    protected long recorded;

    DiskFileSession(Worker w, JobInfo job, JobSecrets secrets, int index, JobFile file) {
        this.w = w;
        this.files = new OwnerFiles(w.impersonator());
        this.job = job;
        this.secrets = secrets;
        this.index = index;
        this.file = file.toInfo();
        this.remote = RemoteName.of(file.remoteName()).uri();
        this.offset = file.bytesTransferred();
        this.recorded = offset;
    }

    /** The session of file {@code index} of {@code job}: a download's temp file or an upload's source. */
    static DiskFileSession open(Worker w, JobInfo job, JobSecrets secrets, int index, JobFile file) {
        return job.type().isUpload() ? new DiskUpload(w, job, secrets, index, file) : new DiskDownload(w, job, secrets, index, file);
    }

    /** Before the transport runs: a download checks its temp file (see {@link DiskDownload#begin}). */
    abstract void begin() throws IOException;

    /** Makes everything written so far durable and recorded (also on a stop or a failure). */
    public abstract void checkpoint() throws IOException;

    /** The file is done: its length and completion go to the group commit. */
    abstract void finish() throws IOException;

    void close() {
        w.handle().onStop(null);
    }

    @Override
    public JobInfo job() {
        return job;
    }

    @Override
    public JobSecrets secrets() {
        return secrets;
    }

    @Override
    public JobFileInfo file() {
        return file;
    }

    @Override
    public URI remote() {
        return remote;
    }

    @Override
    public void reportRemoteName(URI finalUrl) {
        remote = finalUrl;
        record(j -> j.files().get(index).remoteName(finalUrl.toString()), false);
    }

    @Override
    public void connected() {
        if (w.handle().firstBytes()) {
            // What the server said of the file (its size) is in the store before the job shows
            // TRANSFERRING, as in BITS, where BytesTotal is known by then; later files add no commit.
            w.batch().commit();
            w.lifecycle().connected(w.handle());
        }
    }

    @Override
    public String state(String key) {
        try {
            return w.lifecycle().store().state(job.id(), index, key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void saveState(String key, String value) throws IOException {
        w.lifecycle().store().saveState(job.id(), index, key, value);
    }

    @Override
    public boolean stopRequested() {
        return w.handle().stopRequested();
    }

    @Override
    public void abortOnStop(Runnable abort) {
        w.handle().onStop(abort);
    }

    /** Meters {@code bytes} through the bandwidth governor (background jobs only); a stop ends the wait. */
    public void acquireBandwidth(int bytes) throws TransferStoppedException {
        if (!job.priority().isBackground()) {
            return;
        }
        int chunk = Math.max(1, w.throttle().preferredChunk(job.priority()));
        for (int left = bytes; left > 0; left -= chunk) {
            if (!w.handle().enterThrottle()) {
                throw new TransferStoppedException();
            }
            try {
                // The stop flag lets a governor that holds the chunk (a zero-limit window) give up
                // without an interrupt; it then returns without granting, so check before moving on.
                w.throttle().acquire(job.id(), job.priority(), Math.min(left, chunk), w.handle()::stopRequested);
                checkStop();
            } catch (InterruptedException e) {
                // Only requestStop interrupts a throttled worker: this is a stop at a buffer boundary.
                throw new TransferStoppedException();
            } finally {
                w.handle().leaveThrottle();
            }
        }
    }

    /**
     * Commits a change to this file's job unless the job has gone (purged) or reached a final
     * state; the batched records go first so this one never overtakes them.
     */
    protected void record(Consumer<Job> change, boolean progress) {
        w.lifecycle().record(job.id(), index, change, progress, w.batch()::commit);
    }
}
