package org.drizzle.engine.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Plain blocking streams over a buffer-level read and write, for the service's socket channels and
 * Windows pipes alike; neither side takes a stream-wide lock, so one thread can block reading while
 * another writes events.
 */
final class BlockingStreams {
    /** One read or write on the underlying channel: the byte count, or -1 at end of stream. */
    @FunctionalInterface
    interface Io {
        int transfer(ByteBuffer buffer) throws IOException;
    }

    private BlockingStreams() {
    }

    static InputStream in(Io read) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : read.transfer(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    static OutputStream out(Io write) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    write.transfer(buf);
                }
            }
        };
    }
}
