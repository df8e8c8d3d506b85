package org.drizzle.engine.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.drizzle.engine.transfer.UploadSource;

/**
 * An upload's {@link UploadSource}: the owner's local file, read with the owner's identity, the
 * durable record of what the server holds, and (UploadReply) the reply file.
 */
final class DiskUpload extends DiskFileSession implements UploadSource {

    DiskUpload(Worker w, JobInfo job, JobSecrets secrets, int index, JobFile file) {
        super(w, job, secrets, index, file);
    }

    @Override
    void begin() {
        // Nothing to check: the source is opened (and checked) by the transport.
    }

    @Override
    public long offset() {
        return offset;
    }

    /** Uploads record at every Ack ({@link #recordUploaded}); only the batch may be due. */
    @Override
    public void checkpoint() {
        w.batch().commitIfDue();
    }

    @Override
    void finish() {
        record(j -> {
            JobFile f = j.files().get(index);
            f.completed(true);
            if (f.bytesTotal() < 0) {
                f.bytesTotal(f.bytesTransferred());
            }
        }, false);
    }

    @Override
    public FileChannel openSource() throws IOException {
        return files.openToRead(job.owner(), Path.of(file.localName()));
    }

    @Override
    public void recordUploaded(long uploaded) {
        w.handle().rate().add(Math.max(0, uploaded - recorded));
        offset = uploaded;
        recorded = uploaded;
        record(j -> {
            j.files().get(index).bytesTransferred(uploaded);
            j.lastProgressTime(w.clock().instant());
            j.touch(w.clock().instant());
        }, true);
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
                w.impersonator().runAs(job.owner(), () -> out.write(bb));
                written += n;
            }
            w.impersonator().runAs(job.owner(), () -> {
                out.force(true);
                return null;
            });
        }
        w.impersonator().runAs(job.owner(), () -> Files.move(partial, target,
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
        final long size = written;
        record(j -> {
            j.replyFileName(name);
            j.replyProgress(length >= 0 ? length : size, size);
        }, false);
    }
}
