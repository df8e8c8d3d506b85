package org.drizzle.engine.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.AsynchronousFileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Blocking streams over a Windows named pipe opened as an {@link AsynchronousFileChannel}
 * (overlapped I/O, so a pending read does not block writes). Pipes have no position; the
 * position argument is ignored by Windows for them, and a read of 0 bytes means the pipe closed.
 */
final class PipeStreams {
    private PipeStreams() {
    }

    static InputStream in(AsynchronousFileChannel ch) {
        return BlockingStreams.in(buf -> {
            int n = await(ch.read(buf, 0));
            return n == 0 ? -1 : n;
        });
    }

    static OutputStream out(AsynchronousFileChannel ch) {
        return BlockingStreams.out(buf -> await(ch.write(buf, 0)));
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
