package org.drizzle.policy;

/**
 * A bandwidth limit in bytes per second, or unlimited, or blocked (a configured 0: background
 * jobs wait with BG_E_BLOCKED_BY_POLICY until the window ends). Policy speaks in Kbps and Mbps
 * (1 Kbps = 1,000 bit/s = 125 bytes/s); BITS treats anything below 2 Kbps as 2 Kbps.
 */
public record Rate(long bytesPerSecond) {
    public static final Rate UNLIMITED = new Rate(Long.MAX_VALUE);
    public static final Rate BLOCKED = new Rate(0);
    /** The floor BITS applies to any non-zero limit: 2 Kbps. */
    public static final long MIN_KBPS = 2;

    public Rate {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("rate " + bytesPerSecond + " is negative");
        }
    }

    /** A policy rate in Kbps: 0 blocks, 1 becomes 2 Kbps. */
    public static Rate ofKbps(long kbps) {
        if (kbps == 0) {
            return BLOCKED;
        }
        return new Rate(Math.max(kbps, MIN_KBPS) * 125);
    }

    /** A policy rate in Mbps: 0 blocks. */
    public static Rate ofMbps(long mbps) {
        return mbps == 0 ? BLOCKED : new Rate(mbps * 125_000);
    }

    public boolean isUnlimited() {
        return bytesPerSecond == Long.MAX_VALUE;
    }

    public boolean isBlocked() {
        return bytesPerSecond == 0;
    }

    /** "Unlimited", "Blocked" or e.g. "2,000 Kbps (250,000 bytes/s)". */
    @Override
    public String toString() {
        if (isUnlimited()) {
            return "Unlimited";
        }
        if (isBlocked()) {
            return "Blocked";
        }
        return String.format(java.util.Locale.ROOT, "%,d Kbps (%,d bytes/s)", bytesPerSecond / 125, bytesPerSecond);
    }
}
