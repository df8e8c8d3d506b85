package org.drizzle.engine.service;

import java.time.Duration;
import org.drizzle.engine.wire.WireLimits;

/**
 * What the service socket grants each connection and each user (docs/service.md, "Limits";
 * issue 13 item 5): the largest request frame, how long the hello and any begun frame may take,
 * and how many connections one user and everyone together may hold. A user at the cap is
 * refused at once with RPC_S_SERVER_TOO_BUSY, so it never costs others a thread or a wait.
 */
public record ServiceLimits(int maxFrameBytes, Duration helloTimeout, Duration frameTimeout,
                            int maxConnectionsPerUser, int maxConnections) {
    /** 4 MiB frames (a request is a few names and options), 5 s hello, 10 s per frame, 32 connections per uid, 512 in all. */
    public static final ServiceLimits DEFAULTS = new ServiceLimits(4 * 1024 * 1024, Duration.ofSeconds(5),
            Duration.ofSeconds(10), 32, 512);

    public ServiceLimits {
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes " + maxFrameBytes + " must be at least 1024");
        }
        if (helloTimeout.isNegative() || helloTimeout.isZero() || frameTimeout.isNegative() || frameTimeout.isZero()) {
            throw new IllegalArgumentException("helloTimeoutSeconds and frameTimeoutSeconds must be at least 1");
        }
        if (maxConnectionsPerUser < 1 || maxConnections < maxConnectionsPerUser) {
            throw new IllegalArgumentException("maxConnectionsPerUser " + maxConnectionsPerUser
                    + " must be at least 1 and at most maxConnections " + maxConnections);
        }
    }

    WireLimits wire() {
        return new WireLimits(maxFrameBytes, helloTimeout, frameTimeout);
    }
}
