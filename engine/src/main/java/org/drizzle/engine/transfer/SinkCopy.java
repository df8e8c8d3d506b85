package org.drizzle.engine.transfer;

import java.io.IOException;

/**
 * The one copy loop of every download transport: a source's bytes into a {@link DownloadSink}
 * in chunks, checking for a stop between chunks. A chunk is handed over when full, at the end,
 * or after 250 ms, so a slow server cannot delay a stop request. Bytes that arrived before a
 * failed read are written before the read's failure is thrown, so they are kept.
 */
final class SinkCopy {
    /** How long a chunk may wait to fill before the bytes so far are written. */
    private static final long FILL_NANOS = 250_000_000L;

    /** Reads up to {@code len} bytes into {@code buffer} at {@code off}; -1 at the end. */
    @FunctionalInterface
    interface Source {
        int read(byte[] buffer, int off, int len) throws IOException;
    }

    private SinkCopy() {
    }

    /**
     * Copies {@code expected} bytes (or to the end when -1) from {@code in} to {@code sink};
     * {@code firstBytes} runs before the first bytes are written. Returns the bytes copied, which
     * is less than expected if the source ended early (the caller decides what that means).
     *
     * @throws IOException a failed read (the bytes before it are written); a failed write is a
     *         LOCAL_FILE {@link TransferException}
     */
    static long copy(DownloadSink sink, Source in, long expected, int chunk, Runnable firstBytes)
            throws IOException, TransferException, TransferStoppedException {
        byte[] buffer = new byte[chunk];
        long got = 0;
        IOException failure = null;
        boolean eof = false;
        boolean started = false;
        while (!eof && failure == null && (expected < 0 || got < expected)) {
            sink.checkStop();
            int want = expected < 0 ? buffer.length : (int) Math.min(buffer.length, expected - got);
            int n = 0;
            long deadline = System.nanoTime() + FILL_NANOS;
            try {
                while (n < want) {
                    int r = in.read(buffer, n, want - n);
                    if (r < 0) {
                        eof = true;
                        break;
                    }
                    n += r;
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                }
            } catch (IOException e) {
                failure = e;
            }
            if (n > 0) {
                if (!started) {
                    started = true;
                    firstBytes.run();
                }
                try {
                    sink.write(buffer, 0, n);
                } catch (IOException e) {
                    throw HttpFailures.local(e, sink.file().localName());
                }
                got += n;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return got;
    }
}
