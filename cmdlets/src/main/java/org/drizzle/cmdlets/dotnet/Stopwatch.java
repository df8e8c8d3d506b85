package org.drizzle.cmdlets.dotnet;

import java.time.Duration;

/** A System.Diagnostics.Stopwatch on the monotonic clock: Start, Stop, Reset, Restart, Elapsed. */
public final class Stopwatch {
    private long accumulatedNanos;
    private long startedAt;
    private boolean running;

    public static Stopwatch startNew() {
        Stopwatch s = new Stopwatch();
        s.start();
        return s;
    }

    public synchronized void start() {
        if (!running) {
            startedAt = System.nanoTime();
            running = true;
        }
    }

    public synchronized void stop() {
        if (running) {
            accumulatedNanos += System.nanoTime() - startedAt;
            running = false;
        }
    }

    public synchronized void reset() {
        accumulatedNanos = 0;
        running = false;
    }

    public synchronized void restart() {
        accumulatedNanos = 0;
        startedAt = System.nanoTime();
        running = true;
    }

    public synchronized boolean getIsRunning() {
        return running;
    }

    /** Elapsed as a TimeSpan, truncated to .NET's 100 ns ticks. */
    public synchronized Duration getElapsed() {
        long nanos = accumulatedNanos + (running ? System.nanoTime() - startedAt : 0);
        return Duration.ofNanos(nanos - nanos % 100);
    }

    public long getElapsedMilliseconds() {
        return getElapsed().toMillis();
    }

    public long getElapsedTicks() {
        return getElapsed().toNanos() / 100;
    }

    @Override
    public String toString() {
        return "System.Diagnostics.Stopwatch";
    }
}
