package org.drizzle.engine.bandwidth;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the bytes Drizzle itself moves, so the idle-bandwidth estimator can tell them apart
 * from everyone else's traffic on the same interface.
 *
 * <p>Every transfer (foreground and background, download and upload) reports its payload
 * here as it moves; the estimator subtracts these totals from the interface counters. Counts
 * are payload bytes: headers and TCP/IP overhead (a few percent) show up as "others" and are
 * absorbed by the estimator's noise threshold. Cheap and lock-free: called on every read.
 */
public final class OwnTraffic {

    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();

    /** Download bytes that arrived for a job. */
    public void received(long bytes) {
        received.add(bytes);
    }

    /** Upload bytes that left for a job. */
    public void sent(long bytes) {
        sent.add(bytes);
    }

    /** Total bytes received since this counter was created. */
    public long totalReceived() {
        return received.sum();
    }

    /** Total bytes sent since this counter was created. */
    public long totalSent() {
        return sent.sum();
    }
}
