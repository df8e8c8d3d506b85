package org.drizzle.engine.schedule;

import java.time.Duration;

/**
 * The scheduler's knobs, validated when built.
 *
 * @param foregroundCap      Foreground jobs transferring at once (BITS: all of them)
 * @param backgroundSlots    background (High/Normal/Low) jobs transferring at once (BITS: 1)
 * @param timeSlice          round-robin slice among equal-priority background jobs (BITS: ~5 min)
 * @param tick               longest wait between scheduling passes when nothing wakes the scheduler
 * @param checkpointBytes    cap on bytes written between durable progress records (force + store);
 *                           default 64 MiB, so a fast link checkpoints by time, not by size
 * @param checkpointInterval longest time between durable progress records while bytes arrive (500 ms);
 *                           a crash re-fetches at most one checkpoint's worth of bytes
 * @param conditionRetry     retry delay for condition codes a transport reports (network down)
 * @param stopTimeout        how long Cancel/Complete/close wait for a transfer to reach a durable point
 * @param retention          how long ACKNOWLEDGED/CANCELLED jobs stay listable before they are purged
 * @param housekeeping       how often JobInactivityTimeout and the retention purge are checked
 */
public record SchedulerConfig(int foregroundCap, int backgroundSlots, Duration timeSlice, Duration tick,
                              long checkpointBytes, Duration checkpointInterval, Duration conditionRetry,
                              Duration stopTimeout, Duration retention, Duration housekeeping) {
    public static final SchedulerConfig DEFAULTS = new SchedulerConfig(32, 1, Duration.ofMinutes(5),
            Duration.ofSeconds(1), 64L * 1024 * 1024, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofMinutes(15), Duration.ofMinutes(1));

    public SchedulerConfig {
        require(foregroundCap >= 1, "foregroundCap", foregroundCap, ">= 1");
        require(backgroundSlots >= 1, "backgroundSlots", backgroundSlots, ">= 1");
        require(!timeSlice.isNegative() && !timeSlice.isZero(), "timeSlice", timeSlice, "> 0");
        require(!tick.isNegative() && !tick.isZero(), "tick", tick, "> 0");
        require(checkpointBytes >= 4096, "checkpointBytes", checkpointBytes, ">= 4096");
        require(!checkpointInterval.isNegative(), "checkpointInterval", checkpointInterval, ">= 0");
        require(!retention.isNegative(), "retention", retention, ">= 0");
        require(!housekeeping.isNegative() && !housekeeping.isZero(), "housekeeping", housekeeping, "> 0");
    }

    public SchedulerConfig withSlots(int foreground, int background) {
        return new SchedulerConfig(foreground, background, timeSlice, tick, checkpointBytes, checkpointInterval,
                conditionRetry, stopTimeout, retention, housekeeping);
    }

    public SchedulerConfig withTimeSlice(Duration slice) {
        return new SchedulerConfig(foregroundCap, backgroundSlots, slice, tick, checkpointBytes, checkpointInterval,
                conditionRetry, stopTimeout, retention, housekeeping);
    }

    public SchedulerConfig withCheckpoint(long bytes, Duration interval) {
        return new SchedulerConfig(foregroundCap, backgroundSlots, timeSlice, tick, bytes, interval,
                conditionRetry, stopTimeout, retention, housekeeping);
    }

    public SchedulerConfig withRetention(Duration keep) {
        return new SchedulerConfig(foregroundCap, backgroundSlots, timeSlice, tick, checkpointBytes, checkpointInterval,
                conditionRetry, stopTimeout, keep, housekeeping);
    }

    public SchedulerConfig withTick(Duration t) {
        return new SchedulerConfig(foregroundCap, backgroundSlots, timeSlice, t, checkpointBytes, checkpointInterval,
                conditionRetry, stopTimeout, retention, housekeeping);
    }

    private static void require(boolean ok, String key, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("Scheduler setting " + key + " = " + value + " is out of range (" + range + ").");
        }
    }
}
