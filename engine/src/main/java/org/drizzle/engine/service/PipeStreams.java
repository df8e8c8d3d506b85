package org.drizzle.engine.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Blocking streams over a Windows named pipe opened as an {@link AsynchronousFileChannel}
 * (overlapped I/O, so a pending read does not block writes). Pipes have no position; the
 * position argument is ignored by Windows for them.
 */
final class PipeStreams {
    private PipeStreams() {
    }

    static InputStream in(AsynchronousFileChannel ch) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = await(ch.read(ByteBuffer.wrap(b, off, len), 0));
                return n == 0 ? -1 : n;
            }
        };
    }

    static OutputStream out(AsynchronousFileChannel ch) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    await(ch.write(buf, 0));
                }
            }
        };
    }

    private static int await(Future<Integer> io) throws IOException {
        try {
            return io.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted on the pipe");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io2) {
                throw io2;
            }
            throw new IOException(e.getCause());
        }
    }
}
