package org.drizzle.engine.idle;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the bytes Drizzle itself moves, so the idle-bandwidth estimator can tell them apart
 * from everyone else's traffic on the same interface.
 *
 * <p>Background transfers report their payload here as the governor meters it (see
 * {@link OwnTrafficThrottle}), and the time they spent waiting in the governor. Where the
 * kernel lists our sockets ({@link TcpSocketTable}) the estimator counts received bytes there
 * instead, at arrival; these counts then serve uploads and the governor-wait signal. Cheap and
 * lock-free: called on every metered chunk.
 */
public final class OwnTraffic {

    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder throttledNanos = new LongAdder();

    /** Download bytes that arrived for a job. */
    public void received(long bytes) {
        received.add(bytes);
    }

    /** Upload bytes that left for a job. */
    public void sent(long bytes) {
        sent.add(bytes);
    }

    /** Time a transfer spent waiting in the governor (all transfers summed). */
    public void throttled(long nanos) {
        throttledNanos.add(nanos);
    }

    /**
     * Total time transfers spent waiting in the governor. When it grows about as fast as the
     * clock, the governor (policy or allowance) is what limits them, not the network.
     */
    public long totalThrottledNanos() {
        return throttledNanos.sum();
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
