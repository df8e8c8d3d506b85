package org.drizzle.engine.schedule;

/** Bytes per second over the last full second, for JobInfo.currentRate. */
final class RateMeter {
    private long windowStart = System.nanoTime();
    private long windowBytes;
    private long lastRate;

    synchronized void add(long bytes) {
        roll();
        windowBytes += bytes;
    }

    synchronized long rate() {
        roll();
        return lastRate;
    }

    private void roll() {
        long now = System.nanoTime();
        long elapsed = now - windowStart;
        if (elapsed >= 1_000_000_000L) {
            lastRate = elapsed >= 2_000_000_000L ? 0 : windowBytes * 1_000_000_000L / elapsed;
            windowBytes = 0;
            windowStart = now;
        }
    }
}
