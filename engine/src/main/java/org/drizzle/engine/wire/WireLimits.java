package org.drizzle.engine.wire;

import java.time.Duration;

/**
 * What a {@link FramedConnection} accepts from its peer: the largest frame, and (for a service
 * facing other users) how long the first frame and any begun frame may take. Null deadlines mean
 * the peer is trusted to be slow (a client reading its own service's replies).
 */
public record WireLimits(int maxFrameBytes, Duration helloTimeout, Duration frameTimeout) {

    public WireLimits {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("The frame limit must be at least 1 byte, not " + maxFrameBytes + ".");
        }
        if ((helloTimeout == null) != (frameTimeout == null)) {
            throw new IllegalArgumentException("Set both deadlines or neither.");
        }
    }

    /** A limit on frame size only: what a client applies to the service it chose to trust. */
    public static WireLimits trusting(int maxFrameBytes) {
        return new WireLimits(maxFrameBytes, null, null);
    }

    boolean guarded() {
        return helloTimeout != null;
    }
}
