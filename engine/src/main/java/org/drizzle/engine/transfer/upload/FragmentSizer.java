package org.drizzle.engine.transfer.upload;

/**
 * Chooses fragment lengths between 5 KB and 13 MB (Windows' bounds). It aims at about two
 * seconds per fragment from the throughput last measured, so a throttled background upload
 * sends short fragments and a fast link long ones; a 413 halves the fragment and lowers the
 * ceiling for the rest of the upload.
 */
final class FragmentSizer {
    static final int INITIAL = 168_000;
    private static final double TARGET_SECONDS = 2.0;

    private long next = INITIAL;
    private long ceiling = BitsProtocol.MAX_FRAGMENT;

    long next() {
        return Math.min(next, ceiling);
    }

    /** A fragment of {@code bytes} took {@code nanos}: move toward the target duration, at most ×4 or ÷2. */
    void record(long bytes, long nanos) {
        if (bytes < next() / 2) {
            return; // a short tail fragment says little about the link
        }
        double seconds = Math.max(nanos, 1) / 1e9;
        long ideal = (long) (bytes / seconds * TARGET_SECONDS);
        next = clamp(Math.max(Math.min(ideal, next * 4), next / 2));
    }

    /**
     * The server answered 413 to {@code bytes}: halve it. Returns false when it already was
     * at the 5 KB floor (nothing smaller may be sent).
     */
    boolean shrink(long bytes) {
        if (bytes <= BitsProtocol.MIN_FRAGMENT) {
            return false;
        }
        ceiling = Math.max(BitsProtocol.MIN_FRAGMENT, bytes / 2);
        next = ceiling;
        return true;
    }

    private long clamp(long v) {
        return Math.max(BitsProtocol.MIN_FRAGMENT, Math.min(v, ceiling));
    }
}
