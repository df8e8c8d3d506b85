package org.drizzle.engine.idle;

import org.drizzle.engine.api.CapacitySource;

/**
 * The control law that turns one interface's samples into a background allowance (bytes per
 * second). Pure and clock-free: the caller passes the sample time, so tests drive it with
 * synthetic samples.
 *
 * <p>Every sample (the estimator takes one each 100 ms) the controller computes:
 * <ol>
 *   <li><b>Rates</b> over the last three samples (300 ms, so chunked accounting does not look
 *       like traffic): total = interface bytes / t; own = Drizzle's bytes / t;
 *       others = max(0, total − own × 1.05). The 5 % covers TCP/IP and Ethernet headers on our
 *       own payload, which the interface counts and the own count does not.</li>
 *   <li><b>Capacity C.</b> The configured capacity if set; else the NIC's speed when it is a
 *       physical device reporting one; else learned: the highest total seen, decaying with a
 *       half-life of two minutes so a move to a slower network is noticed.</li>
 *   <li><b>Path scale S</b> = min(C, learned) once anything was seen, else C: a gigabit NIC in
 *       front of a DSL line must not set the floor, noise level or growth step.</li>
 *   <li><b>Ceiling.</b> When others move more than the noise level (max(3 % of S,
 *       32 KiB/s)) the counter ceiling is C − others − headroom (10 % of C): what nobody else
 *       uses; when others are quiet it is 1.25 × C. Unless C is configured, the ceiling is
 *       also at most 1.25 × max(learned, {@link #INITIAL}): never far above what the path has
 *       carried (a NIC's speed says nothing about the DSL line behind it), yet not pinned low by
 *       the first samples of a transfer that is only starting.</li>
 *   <li><b>Delay (LEDBAT++-like).</b> The queueing delay d = RTT − base RTT on our own
 *       connections (see {@link DelaySignal}, which also clamps their receive windows so our
 *       own flow keeps at most about 10 ms of queue). Two rules, both marking the link
 *       contended (slow growth, below) for three seconds unless the queue drains first:
 *       <ul>
 *         <li><i>Above the target</i> T = 60 ms: the allowance is multiplied by
 *             max(0.25, 1 − (d − T) / T), a decrease proportional to the excess (LEDBAT++),
 *             down to a quarter per sample at twice the target.</li>
 *         <li><i>Relative rise</i>: else, if d exceeds the lowest delay of the last four
 *             samples by more than 15 ms, the allowance halves. A newcomer filling the
 *             bottleneck's queue shows as such a rise within one or two samples, long before
 *             an absolute target is reached, and also when its own congestion control (BBR)
 *             keeps the queue short; our own clamped window cannot cause it.</li>
 *       </ul></li>
 *   <li><b>Arrival of others.</b> Else, if others grew by more than the noise level since one
 *       window ago (a foreground flow ramping up), the allowance halves: that flow keeps
 *       growing into whatever we leave, so the ceiling alone would only step down by the
 *       headroom each sample; halving yields the link in three to four samples.</li>
 *   <li><b>Shortfall.</b> Else, if for three samples we moved less than 60 % of what we were
 *       allowed over the window (and of S) although the transfers were not waiting in the
 *       governor (so neither policy nor the allowance held them back), someone neither the
 *       counters nor the delay rules caught shares the path: the allowance drops to the floor
 *       and the link is contended. Three samples, because a CPU hiccup on a busy machine also
 *       stalls our reads for a moment; and not while a measured queueing delay is under 15 ms:
 *       with no queue on the path the shortfall is the server's or our own CPU's doing.</li>
 *   <li><b>Growth.</b> Otherwise the allowance grows: by max(0.75 × S, allowance) per second
 *       when nobody else is seen (from the floor back to 80 % of the link in about a second;
 *       at least exponential, so a start ramps up like slow start), only 0.02 × S per second
 *       while others are on the link or the link is contended, because an elastic flow gives
 *       way as we grow and the ceiling would rise with us. A known delay scales growth by
 *       (1 − d / T), so it slows as the queue approaches the target. Contention ends once we
 *       move what we are allowed three seconds after its last sign (one after a shortfall
 *       with no delay measured): a flow that keeps the queue short, like BBR, shows only when
 *       we grow into it, so growing back fast sooner would only run into it again. It ends at
 *       once when the measured queueing delay is under 5 ms: the queue has drained, so
 *       whoever filled it has gone.</li>
 *   <li><b>Bounds.</b> The result is capped by the ceiling and never falls below the
 *       floor, max(16 KiB/s, 2 % of S), so a background job still makes progress on a link
 *       that looks full (as BITS does).</li>
 * </ol>
 * Before any capacity is known the allowance starts at {@link #INITIAL} and doubles each
 * second while nothing pushes back.
 */
public final class AllowanceController {

    /** Allowance before anything is known about the link. */
    public static final long INITIAL = 256 * 1024;
    /** The smallest allowance ever granted. */
    public static final long MIN_FLOOR = 16 * 1024;
    /** LEDBAT's queueing-delay target (Microsoft's LEDBAT++ uses 60 ms). */
    public static final long TARGET_DELAY_MICROS = 60_000;
    /** A rise of the queueing delay within one window that means a newcomer is filling the queue. */
    public static final long DELAY_RISE_MICROS = 15_000;
    /** A queueing delay this small means the bottleneck's queue is empty. */
    private static final long DRAINED_MICROS = 5_000;

    private static final double OVERHEAD = 1.05;
    private static final double NOISE = 0.03;
    private static final double HEADROOM = 0.10;
    private static final double PROBE = 1.25;
    private static final double FLOOR_SHARE = 0.02;
    private static final double GAIN_PER_SECOND = 0.75;
    private static final double HALF_LIFE_SECONDS = 120;
    private static final double SHORTFALL = 0.6;
    /** Consecutive short samples before a shortfall counts (a CPU hiccup lasts less). */
    private static final int SHORT_SAMPLES = 3;
    private static final double CONTENDED_GAIN_PER_SECOND = 0.02;
    private static final long CONTENDED_NANOS = 1_000_000_000L;
    /**
     * How long a delay sign keeps growth slow: longer than a shortfall's, because a flow that
     * keeps the queue short (BBR) shows only when we grow into it; a drained queue ends it early.
     */
    private static final long DELAY_CONTENDED_NANOS = 3_000_000_000L;
    /** Samples per rate window (3 x 100 ms). */
    private static final int WINDOW = 3;
    /** Below this, others' traffic is indistinguishable from chunking jitter, bytes/s. */
    private static final double MIN_NOISE = 32 * 1024;

    private final long configuredCapacity;
    /** The last WINDOW + 1 samples (time, interface total, own), oldest first. */
    private final java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>();
    /** Others' rate as computed at each of the last WINDOW + 1 samples, oldest first. */
    private final java.util.ArrayDeque<Double> othersHistory = new java.util.ArrayDeque<>();
    /** The queueing delay measured at each of the last WINDOW + 1 samples that had one, oldest first. */
    private final java.util.ArrayDeque<Long> delayHistory = new java.util.ArrayDeque<>();
    private double learned;
    private double allowance = INITIAL;
    private double capacity;
    private double scale;
    private double others;
    private double own;
    /** The allowance granted at each of the last WINDOW samples, oldest first. */
    private final java.util.ArrayDeque<Double> granted = new java.util.ArrayDeque<>();
    private int shortSamples;
    /** While non-zero, growth is slow: a shortfall was seen and has not been disproved since. */
    private long contendedUntil;

    /** @param configuredCapacity link capacity in bytes/s from a setting, or 0 to detect it */
    public AllowanceController(long configuredCapacity) {
        if (configuredCapacity < 0) {
            throw new IllegalArgumentException("configured capacity must be >= 0 bytes/s, was " + configuredCapacity);
        }
        this.configuredCapacity = configuredCapacity;
    }

    /**
     * Feeds one sample and returns the new allowance in bytes per second.
     *
     * @param nanos             sample time (any monotonic origin)
     * @param totalBytes        the interface's cumulative byte counter in the metered direction
     * @param ownBytes          Drizzle's cumulative payload in that direction
     * @param nicSpeed          the NIC's meaningful speed in bytes/s, or 0
     * @param queueDelayMicros  RTT above base on our connections, or negative when unknown
     */
    public synchronized long update(long nanos, long totalBytes, long ownBytes, long nicSpeed, long queueDelayMicros) {
        return update(nanos, totalBytes, ownBytes, nicSpeed, queueDelayMicros, false);
    }

    /**
     * As above, saying whether the transfers spent the last sample mostly waiting in the
     * governor: then a rate below the allowance is the policy's doing (or the allowance's),
     * not a sign of contention.
     */
    public synchronized long update(long nanos, long totalBytes, long ownBytes, long nicSpeed, long queueDelayMicros,
                                    boolean governorBound) {
        long[] newest = samples.peekLast();
        if (newest == null || totalBytes < newest[1] || ownBytes < newest[2] || nanos <= newest[0]) {
            // First sample, or the counter reset (interface re-created): start a new baseline.
            samples.clear();
            othersHistory.clear();
            delayHistory.clear();
            granted.clear();
            samples.addLast(new long[] {nanos, totalBytes, ownBytes});
            return allowance();
        }
        double dt = (nanos - newest[0]) / 1e9;
        samples.addLast(new long[] {nanos, totalBytes, ownBytes});
        if (samples.size() > WINDOW + 1) {
            samples.removeFirst();
        }
        // Rates over the window: own bytes are counted when the transfer reads them and the
        // interface counts them when they arrive, so single samples are lumpy; the window is not.
        long[] oldest = samples.peekFirst();
        double span = (nanos - oldest[0]) / 1e9;
        double total = (totalBytes - oldest[1]) / span;
        own = (ownBytes - oldest[2]) / span;
        others = Math.max(0, total - own * OVERHEAD);
        othersHistory.addLast(others);
        if (othersHistory.size() > WINDOW + 1) {
            othersHistory.removeFirst();
        }

        learned = Math.max(learned * Math.pow(0.5, dt / HALF_LIFE_SECONDS), total);
        capacity = configuredCapacity > 0 ? configuredCapacity : nicSpeed > 0 ? nicSpeed : learned;
        if (capacity <= 0) {
            allowance *= 1 + dt;
            return allowance();
        }
        // Path scale: a NIC may be far faster than the path behind it, so floor, noise and growth
        // follow what the path has actually carried once something has been seen.
        scale = learned > 0 ? Math.min(capacity, learned) : capacity;
        double noise = Math.max(MIN_NOISE, NOISE * scale);
        boolean othersActive = others > noise;
        // Never far above what the path has carried (unless the capacity is configured): a
        // learned figure still low because the transfer was just starting must not pin the
        // allowance to the floor, and a NIC far faster than the path must not let it drift
        // where halving takes seconds.
        double pathCeiling = PROBE * (configuredCapacity > 0 ? capacity : Math.max(learned, INITIAL));
        double ceiling = othersActive ? Math.min(capacity - others - HEADROOM * capacity, pathCeiling) : pathCeiling;
        // Compared with one window ago, so a steady flow never looks like an arriving one.
        boolean rising = others - othersHistory.peekFirst() > noise;

        // Shortfall: we move clearly less than we are allowed and than the path has carried,
        // while actually transferring. Someone we cannot see shares the path (the other machines
        // behind a DSL line), or the server is slow; yielding costs nothing in either case.
        // Compared with the allowance that was in force over the same window, not today's.
        double allowed = Math.min(granted.stream().mapToDouble(Double::doubleValue).average().orElse(allowance), scale);
        // With a measured delay and no queue on the path, moving less than allowed is the
        // server's or our own CPU's doing, not someone sharing the link: no shortfall then.
        boolean queueEmpty = queueDelayMicros >= 0 && queueDelayMicros < DELAY_RISE_MICROS;
        boolean shortfall = !governorBound && !queueEmpty && own >= floor() && own < SHORTFALL * allowed;
        shortSamples = shortfall ? shortSamples + 1 : 0;
        if (shortSamples >= SHORT_SAMPLES) {
            // With a delay measured (and, by the rule above, a queue standing) the competitor is
            // as persistent as one the delay rules found; without one, recovery must not wait.
            contendedUntil = Math.max(contendedUntil, nanos + (queueDelayMicros >= 0 ? DELAY_CONTENDED_NANOS : CONTENDED_NANOS));
        } else if (queueDelayMicros >= 0 && queueDelayMicros < DRAINED_MICROS) {
            // The bottleneck's queue has drained: whoever filled it has gone.
            contendedUntil = 0;
        } else if (own >= 0.9 * allowed && nanos > contendedUntil) {
            contendedUntil = 0;
        }
        // Others that are there now may be elastic (TCP): they give way as we grow and the
        // ceiling then rises with us, so with anyone else on the link we only creep upwards.
        boolean contended = contendedUntil != 0 || othersActive;

        // Relative growth of the delay: the lowest delay of the last window is what our own
        // (window-clamped) flow stands alone; a newcomer ramping up pushes the queue above it.
        boolean delayRising = false;
        if (queueDelayMicros >= 0) {
            delayHistory.addLast(queueDelayMicros);
            if (delayHistory.size() > WINDOW + 1) {
                delayHistory.removeFirst();
            }
            long lowest = delayHistory.stream().mapToLong(Long::longValue).min().orElse(queueDelayMicros);
            delayRising = queueDelayMicros - lowest > DELAY_RISE_MICROS;
        }
        if (queueDelayMicros > TARGET_DELAY_MICROS || delayRising) {
            contendedUntil = nanos + DELAY_CONTENDED_NANOS;
            contended = true;
        }

        if (queueDelayMicros > TARGET_DELAY_MICROS) {
            // LEDBAT++-style decrease, proportional to the excess: a quarter at twice the target.
            double over = (queueDelayMicros - TARGET_DELAY_MICROS) / (double) TARGET_DELAY_MICROS;
            allowance *= Math.max(0.25, 1 - over);
        } else if (delayRising) {
            allowance *= 0.5;
        } else if (rising) {
            allowance *= 0.5;
        } else if (shortSamples >= SHORT_SAMPLES) {
            allowance = floor();
        } else {
            double slow = queueDelayMicros >= 0 ? 1 - (double) queueDelayMicros / TARGET_DELAY_MICROS : 1;
            // Alone, growth is at least exponential (doubling in under a second), so a start on
            // a learned capacity ramps up like TCP's slow start.
            double step = contended ? CONTENDED_GAIN_PER_SECOND * scale : Math.max(GAIN_PER_SECOND * scale, allowance);
            allowance += step * dt * slow;
        }
        allowance = Math.max(floor(), Math.min(allowance, ceiling));
        granted.addLast(allowance);
        if (granted.size() > WINDOW) {
            granted.removeFirst();
        }
        return allowance();
    }

    /** The least the allowance may be: max(16 KiB/s, 2 % of the path's scale). */
    public synchronized long floor() {
        return (long) Math.max(MIN_FLOOR, FLOOR_SHARE * scale);
    }

    /** The allowance now, bytes/s. */
    public synchronized long allowance() {
        return (long) allowance;
    }

    /** The capacity in use now (configured, NIC or learned), bytes/s; 0 while unknown. */
    public synchronized long capacity() {
        return (long) capacity;
    }

    /** Others' traffic in the last sample, bytes/s. */
    public synchronized long others() {
        return (long) others;
    }

    /** Drizzle's own traffic in the last sample, bytes/s. */
    public synchronized long own() {
        return (long) own;
    }

    /**
     * Where {@link #capacity()} comes from now (read-only, for Get-BitsBandwidth): the setting
     * when one was given, learned when the capacity is the learned figure, else the NIC's speed.
     */
    public synchronized CapacitySource capacitySource() {
        if (capacity <= 0) {
            return CapacitySource.UNKNOWN;
        }
        if (configuredCapacity > 0) {
            return CapacitySource.SETTING;
        }
        return capacity == learned ? CapacitySource.LEARNED : CapacitySource.NIC_SPEED;
    }
}
