package org.drizzle.engine.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.function.Consumer;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobRules;
import org.drizzle.engine.transfer.FileSession;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.job.RemoteValidator;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's {@link FileSession}: the hidden temp file of one download (or the source of
 * one upload) and its durable progress record.
 *
 * <p>Durability order, at every checkpoint: the bytes are written to the temp file, the temp
 * file is forced to disk, and only then is bytesTransferred recorded in the store. A checkpoint
 * happens once {@link SchedulerConfig#checkpointInterval()} (500 ms) has passed since the last
 * one or {@link SchedulerConfig#checkpointBytes()} (64 MiB) are unrecorded, so a crash loses at
 * most one checkpoint's worth of bytes, which start-up recovery truncates away and the next
 * transfer fetches again. Records of forced bytes, the remote validator and the file's
 * completion go through the job's {@link ProgressBatch} (group commit: one transaction for many
 * small files); any other record commits that batch first so records never overtake each other.
 * All file I/O runs through the {@link Impersonator} as the job's owner; background bytes pass
 * the {@link Throttle} before they are written.
 */
final class DiskFileSession implements FileSession {
    private static final Logger LOG = LoggerFactory.getLogger(DiskFileSession.class);
    /** Transport-state key of the temp file's identity (device and inode) as this engine wrote it. */
    static final String TEMP_IDENTITY = "temp.identity";
    private final JobLifecycle lifecycle;
    private final Impersonator impersonator;
    private final OwnerFiles files;
    private final Throttle throttle;
    private final Clock clock;
    private final SchedulerConfig config;
    private final ActiveTransfer handle;
    private final JobInfo job;
    private final JobSecrets secrets;
    private final int index;
    private final JobFileInfo file;
    private final Path temp;
    private final ProgressBatch batch;
    private FileChannel channel;
    private long offset;
    private long recorded;
    private long forced;
    private long lastCheckpointMillis;
    private RemoteValidator validator;
    private URI remote;
    /** The temp file's device and inode once opened; saved in the store once bytes of an unfinished file are. */
    private String identity;
    private boolean identitySaved;

    DiskFileSession(JobLifecycle lifecycle, Impersonator impersonator, Throttle throttle, Clock clock, SchedulerConfig config,
                    ActiveTransfer handle, ProgressBatch batch, JobInfo job, JobSecrets secrets, int index, JobFile file) {
        this.lifecycle = lifecycle;
        this.impersonator = impersonator;
        this.files = new OwnerFiles(impersonator);
        this.throttle = throttle;
        this.clock = clock;
        this.config = config;
        this.handle = handle;
        this.batch = batch;
        this.job = job;
        this.secrets = secrets;
        this.index = index;
        this.file = file.toInfo();
        this.temp = file.temporaryName() == null ? null : Path.of(file.temporaryName());
        this.offset = file.bytesTransferred();
        this.recorded = offset;
        this.forced = offset;
        this.validator = file.validator();
        this.remote = JobRules.toUri(file.remoteName());
        this.lastCheckpointMillis = clock.millis();
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
    public long offset() {
        return offset;
    }

    @Override
    public RemoteValidator recordedValidator() {
        return validator;
    }

    @Override
    public void recordRemote(RemoteValidator v) {
        validator = v;
        // Batched: it only has to be durable before bytes of this version are, which the batch keeps in order.
        batch.add(index, 0, false, j -> {
            JobFile f = j.files().get(index);
            f.validator(v);
            if (v != null && v.size() >= 0) {
                f.bytesTotal(total(f, v.size()));
            }
        });
    }

    /** BytesTotal for a remote of {@code size} bytes: the whole file, or the sum of its ranges. */
    private static long total(JobFile f, long size) {
        if (!f.hasRanges()) {
            return size;
        }
        long sum = 0;
        for (ByteRange r : f.ranges()) {
            sum += r.toEof() ? Math.max(0, size - r.initialOffset()) : r.length();
        }
        return sum;
    }

    @Override
    public void restart() throws IOException {
        // Records of the old bytes go to the store before the bytes go away, never after.
        batch.commit();
        ensureOpen();
        impersonator.runAs(job.owner(), () -> {
            channel.truncate(0);
            channel.force(true);
            return null;
        });
        offset = 0;
        recorded = 0;
        forced = 0;
        validator = null;
        record(j -> j.files().get(index).resetProgress(), false);
    }

    @Override
    public void write(byte[] buffer, int off, int len) throws IOException, TransferStoppedException {
        checkStop();
        acquireBandwidth(len);
        ensureOpen();
        final long at = offset;
        impersonator.runAs(job.owner(), () -> {
            ByteBuffer bb = ByteBuffer.wrap(buffer, off, len);
            long pos = at;
            while (bb.hasRemaining()) {
                pos += channel.write(bb, pos);
            }
            return null;
        });
        offset += len;
        handle.rate().add(len);
        if (offset - recorded >= config.checkpointBytes()
                || clock.millis() - lastCheckpointMillis >= config.checkpointInterval().toMillis()) {
            checkpoint();
        }
    }

    @Override
    public void checkpoint() throws IOException {
        lastCheckpointMillis = clock.millis();
        if (offset != recorded) {
            force();
            rememberIdentity();
            final long durable = offset;
            batch.add(index, durable - recorded, false, j -> {
                j.files().get(index).bytesTransferred(durable);
                j.lastProgressTime(clock.instant());
                j.touch(clock.instant());
            });
            recorded = durable;
        }
        batch.commitIfDue();
    }

    /** Forces the temp file's bytes (and length) to disk unless nothing was written since the last force. */
    private void force() throws IOException {
        ensureOpen();
        if (forced == offset && offset != 0) {
            return;
        }
        impersonator.runAs(job.owner(), () -> {
            channel.force(false);
            return null;
        });
        forced = offset;
    }

    /**
     * The file is done: force it (once, if the transport's last checkpoint did not) and hand
     * its length and completion to the group commit.
     */
    void finish() throws IOException {
        if (job.type().isUpload()) {
            record(j -> {
                JobFile f = j.files().get(index);
                f.completed(true);
                if (f.bytesTotal() < 0) {
                    f.bytesTotal(f.bytesTransferred());
                }
            }, false);
            return;
        }
        force();
        final long length = offset;
        batch.add(index, length - recorded, true, j -> {
            JobFile f = j.files().get(index);
            f.bytesTransferred(length);
            if (f.bytesTotal() == JobProgress.UNKNOWN || f.bytesTotal() != length) {
                f.bytesTotal(length);
            }
            f.completed(true);
            j.lastProgressTime(clock.instant());
            j.touch(clock.instant());
        });
        recorded = length;
        batch.commitIfDue();
    }

    @Override
    public void reportRemoteName(URI finalUrl) {
        remote = finalUrl;
        record(j -> j.files().get(index).remoteName(finalUrl.toString()), false);
    }

    @Override
    public void connected() {
        lifecycle.connected(handle);
    }

    @Override
    public String state(String key) {
        try {
            return lifecycle.store().state(job.id(), index, key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void saveState(String key, String value) throws IOException {
        lifecycle.store().saveState(job.id(), index, key, value);
    }

    @Override
    public FileChannel openSource() throws IOException {
        return files.openToRead(job.owner(), Path.of(file.localName()));
    }

    @Override
    public void recordUploaded(long uploaded) {
        handle.rate().add(Math.max(0, uploaded - recorded));
        offset = uploaded;
        recorded = uploaded;
        record(j -> {
            j.files().get(index).bytesTransferred(uploaded);
            j.lastProgressTime(clock.instant());
            j.touch(clock.instant());
        }, true);
    }

    @Override
    public void acquireBandwidth(int bytes) throws TransferStoppedException {
        if (!job.priority().isBackground()) {
            return;
        }
        int chunk = Math.max(1, throttle.preferredChunk(job.priority()));
        for (int left = bytes; left > 0; left -= chunk) {
            if (!handle.enterThrottle()) {
                throw new TransferStoppedException();
            }
            try {
                // The stop flag lets a governor that holds the chunk (a zero-limit window) give up
                // without an interrupt; it then returns without granting, so check before moving on.
                throttle.acquire(job.id(), job.priority(), Math.min(left, chunk), handle::stopRequested);
                checkStop();
            } catch (InterruptedException e) {
                // Only requestStop interrupts a throttled worker: this is a stop at a buffer boundary.
                throw new TransferStoppedException();
            } finally {
                handle.leaveThrottle();
            }
        }
    }

    @Override
    public void storeReply(InputStream body, long length) throws IOException, TransferStoppedException {
        String name = job.replyFileName() != null ? job.replyFileName()
                : Path.of(file.localName()).resolveSibling(Path.of(file.localName()).getFileName() + ".reply").toString();
        Path target = Path.of(name);
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        long written = 0;
        byte[] buf = new byte[64 * 1024];
        try (FileChannel out = files.openToWrite(job.owner(), partial, true)) {
            int n;
            while ((n = body.read(buf)) > 0) {
                acquireBandwidth(n);
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                impersonator.runAs(job.owner(), () -> out.write(bb));
                written += n;
            }
            impersonator.runAs(job.owner(), () -> {
                out.force(true);
                return null;
            });
        }
        impersonator.runAs(job.owner(), () -> Files.move(partial, target,
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
        final long size = written;
        record(j -> {
            j.replyFileName(name);
            j.replyProgress(length >= 0 ? length : size, size);
        }, false);
    }

    @Override
    public boolean stopRequested() {
        return handle.stopRequested();
    }

    @Override
    public void abortOnStop(Runnable abort) {
        handle.onStop(abort);
    }

    private void ensureOpen() throws IOException {
        if (channel != null) {
            return;
        }
        if (temp == null) {
            throw new IOException("The file " + file.localName() + " has no temporary file.");
        }
        FileChannel ch = files.openToWrite(job.owner(), temp, false);
        try {
            // Bytes past the durable record may be left over from a crash: never splice after them.
            impersonator.runAs(job.owner(), () -> ch.size() > recorded ? ch.truncate(recorded) : ch);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
    }

    /**
     * Before a download asks for bytes from {@link #offset()}: the temp file must still hold the
     * recorded ones. One that is missing, shorter than recorded, not a regular file, or not the
     * file this engine wrote (another file moved in: a different device and inode than saved with
     * its first recorded bytes) cannot be trusted, so the file restarts from 0; a resume never writes
     * after a hole or after someone else's bytes. Runs at every start of a transfer, not only at
     * start-up. Bytes past the record are cut off when the file is opened.
     */
    void openTemp() throws IOException {
        if (temp == null) {
            return;
        }
        String created = recorded > 0 || validator != null ? state(TEMP_IDENTITY) : null;
        BasicFileAttributes found = impersonator.runAs(job.owner(), () -> {
            try {
                return Files.readAttributes(temp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
        });
        boolean regular = found != null && found.isRegularFile();
        boolean intact = regular && found.size() >= recorded
                && (created == null || created.equals(String.valueOf(found.fileKey())));
        if (!intact && (recorded > 0 || validator != null)) {
            // The path is the user's text: it stays out of the log line (job id and index name the file).
            LOG.warn("job {}: the temp file of file {} is {}; the file restarts from 0", job.id(), index,
                    found == null ? "missing" : !regular ? "not a regular file"
                            : found.size() < recorded ? "shorter than the " + recorded + " bytes recorded" : "another file");
            batch.commit();
            offset = 0;
            recorded = 0;
            forced = 0;
            validator = null;
            record(j -> j.files().get(index).resetProgress(), false);
        }
        if (found != null && !intact) {
            impersonator.runAs(job.owner(), () -> Files.deleteIfExists(temp));
        }
        ensureOpen();
        identity = String.valueOf(impersonator.runAs(job.owner(),
                () -> Files.readAttributes(temp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)).fileKey());
        identitySaved = identity.equals(created);
        if (recorded > 0) {
            rememberIdentity();
        }
    }

    /**
     * Saves the temp file's identity before the first bytes of a file that will need a resume are
     * recorded. A file finished in one run never needs it, so many small files cost no extra
     * store write.
     */
    private void rememberIdentity() throws IOException {
        boolean finished = validator != null && validator.size() >= 0 && offset >= validator.size();
        if (identity != null && !identitySaved && !finished) {
            saveState(TEMP_IDENTITY, identity);
            identitySaved = true;
        }
    }

    @Override
    public void discard() throws IOException {
        batch.commit();
        closeChannel();
        if (temp != null) {
            impersonator.runAs(job.owner(), () -> Files.deleteIfExists(temp));
            saveState(TEMP_IDENTITY, null);
            identity = null;
            identitySaved = false;
        }
        offset = 0;
        recorded = 0;
        forced = 0;
        validator = null;
        record(j -> j.files().get(index).resetProgress(), false);
    }

    /**
     * Commits a change to this file's job unless the job has gone (purged) or reached a final
     * state; the batched records go first so this one never overtakes them.
     */
    private void record(Consumer<Job> change, boolean progress) {
        lifecycle.record(job.id(), index, change, progress, batch::commit);
    }

    void close() {
        handle.onStop(null);
        closeChannel();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                impersonator.runAs(job.owner(), () -> {
                    channel.close();
                    return null;
                });
            } catch (IOException e) {
                // Nothing to lose: every byte that matters was forced and recorded at the last checkpoint.
            }
            channel = null;
        }
    }
}
