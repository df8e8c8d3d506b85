package org.drizzle.engine.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * One byte range of a file as an HTTP entity, streamed chunk by chunk with positional reads (so
 * it can be sent again) and never loaded whole: the body of the test server's 206 and of a BITS
 * upload's Fragment. A file that ends before the range does is {@link SourceShrunk}.
 */
public final class FileRangeEntity extends AbstractHttpEntity {
    /** Opens the file; an entity made by {@link #ofFile} closes what it opened, one over a caller's channel never does. */
    @FunctionalInterface
    private interface Opener {
        FileChannel open() throws IOException;
    }

    /** Runs before each chunk is written (bandwidth metering, stop checks); an IOException aborts the body. */
    @FunctionalInterface
    public interface Meter {
        void chunk(int bytes) throws IOException;
    }

    private static final int FILE_CHUNK = 64 * 1024;

    private final Opener opener;
    private final boolean closes;
    private final long first;
    private final long length;
    private final int chunk;
    private final Meter meter;
    private final String name;

    private FileRangeEntity(ContentType type, Opener opener, boolean closes, long first, long length, int chunk,
                            Meter meter, String name) {
        super(type, null);
        this.opener = opener;
        this.closes = closes;
        this.first = first;
        this.length = length;
        this.chunk = chunk;
        this.meter = meter;
        this.name = name;
    }

    /** Bytes {@code first} to {@code first + length - 1} of {@code file}, opened at each write (octet-stream). */
    public static FileRangeEntity ofFile(Path file, long first, long length) {
        return new FileRangeEntity(ContentType.APPLICATION_OCTET_STREAM,
                () -> FileChannel.open(file, StandardOpenOption.READ), true, first, length, FILE_CHUNK, n -> { }, file.toString());
    }

    /** {@code length} bytes of the caller's open {@code source} from {@code first}, {@code meter}ed per chunk. */
    public static FileRangeEntity ofChannel(FileChannel source, long first, long length, int chunk, Meter meter) {
        return new FileRangeEntity(null, () -> source, false, first, length, chunk, meter, "The source");
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
        FileChannel ch = opener.open();
        return new InputStream() {
            private long pos = first;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                long end = first + length;
                if (pos >= end) {
                    return -1;
                }
                int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - pos)), pos);
                if (n > 0) {
                    pos += n;
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public void close() throws IOException {
                if (closes) {
                    ch.close();
                }
            }
        };
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        FileChannel ch = opener.open();
        try {
            ByteBuffer buf = ByteBuffer.allocate(chunk);
            long pos = first;
            long end = first + length;
            while (pos < end) {
                buf.clear().limit((int) Math.min(chunk, end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new SourceShrunk(name + " ended at " + pos + " bytes, before " + end + ".");
                }
                meter.chunk(n);
                out.write(buf.array(), 0, n);
                pos += n;
            }
        } finally {
            if (closes) {
                ch.close();
            }
        }
    }

    @Override
    public void close() {
        // Nothing is held open between writes.
    }

    /** The file became shorter than the range while it was being sent. */
    public static final class SourceShrunk extends IOException {
        private static final long serialVersionUID = 1L;

        SourceShrunk(String message) {
            super(message);
        }
    }
}
