package org.drizzle.engine.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.RemoteValidator;
import org.drizzle.engine.transfer.DownloadSink;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A download's {@link DownloadSink}: the hidden temp file of one file and its durable progress
 * record.
 *
 * <p>Durability order, at every checkpoint: the bytes are written to the temp file, the temp
 * file is forced to disk, and only then is bytesTransferred recorded in the store. While a file
 * transfers, a checkpoint happens once {@link SchedulerConfig#checkpointInterval()} (500 ms) has
 * passed since the last one or {@link SchedulerConfig#checkpointBytes()} (64 MiB) are not yet
 * forced; its force runs behind the transfer ({@link WriteBehind}) and the next checkpoint
 * records the bytes it covered, so the disk writes while the network reads. A crash loses at
 * most the bytes of about two checkpoints, which start-up recovery truncates away and the next
 * transfer fetches again. At the end of a file (and when a transfer stops) everything written
 * is forced and recorded before the file counts as done. Records of forced bytes, the remote
 * validator and the file's completion go through the job's {@link ProgressBatch} (group commit:
 * one transaction for many small files). Background bytes pass the bandwidth governor before they are written.
 */
final class DiskDownload extends DiskFileSession implements DownloadSink {
    private static final Logger LOG = LoggerFactory.getLogger(DiskDownload.class);
    /** Transport-state key of the temp file's identity (device and inode) as this engine wrote it. */
    static final String TEMP_IDENTITY = "temp.identity";
    private final Path temp;
    private FileChannel channel;
    /** Bytes covered by a force that has returned or is in flight. */
    private long forced;
    private final WriteBehind writeBehind = new WriteBehind();
    private long lastCheckpointMillis;
    private RemoteValidator validator;
    /** The temp file's device and inode once opened; saved in the store once bytes of an unfinished file are. */
    private String identity;
    private boolean identitySaved;

    DiskDownload(Worker w, JobInfo job, JobSecrets secrets, int index, JobFile file) {
        super(w, job, secrets, index, file);
        this.temp = file.temporaryName() == null ? null : Path.of(file.temporaryName());
        this.forced = offset;
        this.validator = file.validator();
        this.lastCheckpointMillis = w.clock().millis();
    }

    /**
     * The temp file must still hold the recorded bytes ({@link #openTemp}); dynamic content and
     * non-GET methods cannot resume, so an interrupted file starts over.
     */
    @Override
    void begin() throws IOException {
        openTemp();
        if (offset > 0 && (job.dynamic() || !"GET".equals(job.httpMethod()))) {
            restart();
        }
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
        w.batch().add(index, 0, false, j -> {
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
        writeBehind.drain();
        w.batch().commit();
        ensureOpen();
        w.impersonator().runAs(job.owner(), () -> {
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
        w.impersonator().runAs(job.owner(), () -> {
            ByteBuffer bb = ByteBuffer.wrap(buffer, off, len);
            long pos = at;
            while (bb.hasRemaining()) {
                pos += channel.write(bb, pos);
            }
            return null;
        });
        offset += len;
        w.handle().rate().add(len);
        long unforced = offset - forced;
        boolean due = unforced >= w.config().checkpointBytes()
                || w.clock().millis() - lastCheckpointMillis >= w.config().checkpointInterval().toMillis();
        // A force still in flight is waited for only when the disk has fallen two checkpoints behind.
        if (due && (writeBehind.idle() || unforced >= 2 * w.config().checkpointBytes())) {
            checkpointBehind();
        }
    }

    /** A checkpoint during the transfer: records what the last force covered and starts the next one. */
    private void checkpointBehind() throws IOException {
        lastCheckpointMillis = w.clock().millis();
        recordDurable(writeBehind.await(), null);
        if (offset != forced) {
            ensureOpen();
            writeBehind.start(channel, offset);
            forced = offset;
        }
        w.batch().commitIfDue();
    }

    /**
     * Forces and records everything written so far (the end of a file, a transfer that stops).
     * The force runs behind; its record waits for it in the group commit.
     */
    @Override
    public void checkpoint() throws IOException {
        lastCheckpointMillis = w.clock().millis();
        // Nothing new (e.g. after discard(), whose temp file must not come back): nothing to force.
        if (offset != recorded) {
            recordDurable(offset, forceAll());
        }
        w.batch().commitIfDue();
    }

    /**
     * Hands bytesTransferred = {@code upTo} to the batch, which commits it once {@code durable}
     * (the force covering those bytes; null when it has returned) has returned.
     */
    private void recordDurable(long upTo, CompletableFuture<Long> durable) throws IOException {
        if (upTo <= recorded) {
            return;
        }
        rememberIdentity();
        w.batch().add(index, upTo - recorded, false, j -> {
            j.files().get(index).bytesTransferred(upTo);
            j.lastProgressTime(w.clock().instant());
            j.touch(w.clock().instant());
        }, durable);
        recorded = upTo;
    }

    /**
     * Prepares a force of every byte written so far (the temp file's length too) unless one
     * already covers them; returns that force (null when it has returned and was recorded). The
     * group commit begins it. An empty file is forced too, so that it exists after a crash.
     */
    private CompletableFuture<Long> forceAll() throws IOException {
        ensureOpen();
        if (forced == offset && offset != 0) {
            return writeBehind.inFlight();
        }
        recordDurable(writeBehind.await(), null);
        forced = offset;
        return writeBehind.prepare(channel, offset);
    }

    /**
     * The file is done: its force (started here unless a checkpoint's covers it) and its
     * length and completion go to the group commit, which records them once the force returns.
     */
    @Override
    void finish() throws IOException {
        CompletableFuture<Long> durable = forceAll();
        final long length = offset;
        w.batch().add(index, length - recorded, true, j -> {
            JobFile f = j.files().get(index);
            f.bytesTransferred(length);
            if (f.bytesTotal() == JobProgress.UNKNOWN || f.bytesTotal() != length) {
                f.bytesTotal(length);
            }
            f.completed(true);
            j.lastProgressTime(w.clock().instant());
            j.touch(w.clock().instant());
        }, durable);
        recorded = length;
        w.batch().commitIfDue();
    }

    private void ensureOpen() throws IOException {
        if (channel != null) {
            return;
        }
        if (temp == null) {
            throw new IOException("The file " + file.localName() + " has no temporary file.");
        }
        FileChannel ch = w.ahead().take(index, temp);
        if (ch == null) {
            ch = files.openToWrite(job.owner(), temp, false);
        }
        try {
            // Bytes past the durable record may be left over from a crash: never splice after them.
            FileChannel opened = ch;
            w.impersonator().runAs(job.owner(), () -> opened.size() > recorded ? opened.truncate(recorded) : opened);
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
    private void openTemp() throws IOException {
        if (temp == null) {
            return;
        }
        String created = recorded > 0 || validator != null ? state(TEMP_IDENTITY) : null;
        BasicFileAttributes found = w.impersonator().runAs(job.owner(), () -> {
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
            w.batch().commit();
            offset = 0;
            recorded = 0;
            forced = 0;
            validator = null;
            record(j -> j.files().get(index).resetProgress(), false);
        }
        if (found != null && !intact) {
            w.impersonator().runAs(job.owner(), () -> Files.deleteIfExists(temp));
        }
        ensureOpen();
        identity = String.valueOf(w.impersonator().runAs(job.owner(),
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
        writeBehind.drain();
        w.batch().commit();
        closeChannel();
        if (temp != null) {
            w.impersonator().runAs(job.owner(), () -> Files.deleteIfExists(temp));
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

    @Override
    void close() {
        super.close();
        if (channel != null) {
            // The last force may still run: the channel closes when it returns.
            writeBehind.closeAfter(channel);
            channel = null;
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                w.impersonator().runAs(job.owner(), () -> {
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
