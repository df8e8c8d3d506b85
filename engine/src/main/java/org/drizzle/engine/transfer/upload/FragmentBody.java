package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.drizzle.engine.transfer.UploadSource;
import org.drizzle.engine.transfer.TransferStoppedException;

/**
 * One fragment's body: {@code length} bytes of the source from {@code offset}, read with
 * positional reads (so earlier bytes can be re-sent) and metered chunk by chunk through the
 * bandwidth governor. A stop request aborts the fragment; the server keeps what arrived.
 */
final class FragmentBody extends AbstractHttpEntity {
    static final int CHUNK = 256 * 1024;

    private final FileChannel source;
    private final long offset;
    private final long length;
    private final UploadSource session;

    FragmentBody(FileChannel source, long offset, long length, UploadSource session) {
        super((String) null, null);
        this.source = source;
        this.offset = offset;
        this.length = length;
        this.session = session;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public InputStream getContent() throws IOException {
        return Channels.newInputStream(source.position(offset));
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long pos = offset;
        long end = offset + length;
        while (pos < end) {
            if (session.stopRequested()) {
                throw new Stopped(new TransferStoppedException());
            }
            buf.clear().limit((int) Math.min(CHUNK, end - pos));
            int n = source.read(buf, pos);
            if (n < 0) {
                throw new SourceShrunk("The source ended at " + pos + " bytes, before " + end + ".");
            }
            try {
                session.acquireBandwidth(n);
            } catch (TransferStoppedException e) {
                throw new Stopped(e);
            }
            out.write(buf.array(), 0, n);
            pos += n;
        }
    }

    @Override
    public void close() {
        // The source channel belongs to the upload run.
    }

    /** Carries a stop request out through HttpClient, which only passes IOExceptions. */
    static final class Stopped extends IOException {
        private static final long serialVersionUID = 1L;
        final transient TransferStoppedException stop;

        Stopped(TransferStoppedException stop) {
            super("transfer stopped");
            this.stop = stop;
        }
    }

    /** The local file became shorter while it was being uploaded. */
    static final class SourceShrunk extends IOException {
        private static final long serialVersionUID = 1L;

        SourceShrunk(String message) {
            super(message);
        }
    }
}
