package org.drizzle.engine.schedule;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A job's transfer rate for JobInfo.currentRate and Get-BitsBandwidth: bytes per second over a
 * sliding two-second window, fed where the bytes are written or acknowledged. The window is ten
 * 200 ms slots, so the figure moves smoothly (no jump once a second) and reaches 0 two seconds
 * after the bytes stop.
 */
final class RateMeter {
    static final long SLOT_NANOS = 200_000_000L;
    static final int SLOTS = 10;

    private final LongSupplier nanoClock;
    private final long start;
    private final long[] bytes = new long[SLOTS];
    /** The slot number each entry of {@link #bytes} holds; -1 while unused. */
    private final long[] slotOf = new long[SLOTS];

    RateMeter() {
        this(System::nanoTime);
    }

    /** With an injected monotonic clock (tests). */
    RateMeter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        Arrays.fill(slotOf, -1);
    }

    synchronized void add(long n) {
        long slot = (nanoClock.getAsLong() - start) / SLOT_NANOS;
        int i = (int) (slot % SLOTS);
        if (slotOf[i] != slot) {
            slotOf[i] = slot;
            bytes[i] = 0;
        }
        bytes[i] += n;
    }

    /** Bytes per second over the last two seconds (less right after the start: since the start). */
    synchronized long rate() {
        long elapsed = nanoClock.getAsLong() - start;
        long slot = elapsed / SLOT_NANOS;
        long sum = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (slotOf[i] > slot - SLOTS && slotOf[i] <= slot) {
                sum += bytes[i];
            }
        }
        // The window: the nine full slots before the current one, and the current one so far.
        long span = Math.min(elapsed, (SLOTS - 1) * SLOT_NANOS + elapsed % SLOT_NANOS);
        return (long) (sum * 1e9 / Math.max(span, SLOT_NANOS));
    }
}
