package org.drizzle.host.runtime;

import java.time.Duration;

/** [System.Diagnostics.Stopwatch]: StartNew(), Elapsed, ElapsedMilliseconds, Stop/Start/Restart/Reset. */
final class Stopwatch {
    private long started;
    private long accumulated;
    private boolean running;

    static Stopwatch startNew() {
        Stopwatch s = new Stopwatch();
        s.start();
        return s;
    }

    void start() {
        if (!running) {
            started = System.nanoTime();
            running = true;
        }
    }

    void stop() {
        if (running) {
            accumulated += System.nanoTime() - started;
            running = false;
        }
    }

    void reset() {
        running = false;
        accumulated = 0;
    }

    void restart() {
        reset();
        start();
    }

    boolean isRunning() {
        return running;
    }

    Duration elapsed() {
        return Duration.ofNanos(accumulated + (running ? System.nanoTime() - started : 0));
    }

    @Override
    public String toString() {
        return "System.Diagnostics.Stopwatch";
    }
}
