package org.drizzle.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/** A response body that is one byte range of a file, streamed without loading it. */
final class FileRangeEntity extends AbstractHttpEntity {
    private final Path file;
    private final long first;
    private final long length;

    FileRangeEntity(Path file, long first, long length) {
        super(ContentType.APPLICATION_OCTET_STREAM, null);
        this.file = file;
        this.first = first;
        this.length = length;
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
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(first);
        return new java.io.BufferedInputStream(Channels.newInputStream(ch), 1 << 16) {
            private long left = length;

            @Override
            public synchronized int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public synchronized int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }
        };
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = first;
            long end = first + length;
            var buf = java.nio.ByteBuffer.allocate(1 << 16);
            while (pos < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException(file + " became shorter while it was being sent.");
                }
                out.write(buf.array(), 0, n);
                pos += n;
            }
        }
    }

    @Override
    public void close() {
        // Nothing held open between writes.
    }
}
