package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import org.drizzle.engine.transfer.UploadSource;

/**
 * How often an upload's acknowledged offset reaches the store: at most every
 * {@link #RECORD_INTERVAL_NANOS}, plus at once when forced (end, session start, an offset the
 * server moved back) and for the first progress of a run. The server's offset is authoritative,
 * so a crash only re-sends from the last recorded offset (the server trims the overlap or
 * answers 416 with what it holds).
 */
final class UploadProgress {
    /** Progress is recorded at most this often, plus at the end and when the run stops. */
    static final long RECORD_INTERVAL_NANOS = 500_000_000L;

    private final UploadSource s;
    /** The offset last recorded with UploadSource.recordUploaded (-1: none in this run) and when. */
    private long recordedOffset = -1;
    private long recordedAt;

    UploadProgress(UploadSource session) {
        this.s = session;
    }

    /** Records {@code uploaded} when forced, on the first Ack that moves past 0, or once the interval has passed. */
    void record(long uploaded, boolean force) throws IOException {
        long now = System.nanoTime();
        // The first progress of a run or a session (nothing or 0 recorded yet) is recorded at once.
        if (force || recordedOffset <= 0 || now - recordedAt >= RECORD_INTERVAL_NANOS) {
            s.recordUploaded(uploaded);
            recordedOffset = uploaded;
            recordedAt = now;
        }
    }

    /** The offset last recorded in this run, -1 for none. */
    long recorded() {
        return recordedOffset;
    }
}
