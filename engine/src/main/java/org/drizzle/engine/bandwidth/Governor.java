package org.drizzle.engine.bandwidth;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drizzle.engine.job.JobId;
import org.drizzle.policy.BandwidthDecision;
import org.drizzle.policy.PolicyEvaluator;
import org.drizzle.policy.Priority;
import org.drizzle.policy.Rate;

/**
 * The bandwidth governor: meters every background job's bytes with a token bucket per
 * priority (and LAN/non-LAN, for Throttling\IgnoreBandwidthLimitsOnLan). Foreground jobs pass
 * straight through, as in BITS.
 *
 * <p>Algorithm. A bucket holds tokens (bytes) that refill at the bucket's rate r, capped at
 * r/10 so an idle bucket cannot release more than 100 ms of burst. {@link #acquire} lets a
 * caller take its whole chunk as soon as the balance is non-negative, which may drive the
 * balance negative (a debt); the next caller then sleeps debt/r. Over any window the bytes
 * released are therefore r x window plus at most one chunk, and {@link #preferredChunk} keeps
 * chunks near r/20 so that one chunk is a small share of a second.
 *
 * <p>Rate. r = min(policy limit for this priority now, the job's idle allowance from the
 * {@link AllowanceSource}). The policy limit is cached per bucket and re-evaluated when the
 * policy changes ({@link #policyChanged}) and when the wall clock passes the evaluator's next
 * schedule boundary (checked on every acquire, and signalled by the caller's boundary timer),
 * so a new limit applies to the next chunk: well within a second. A zero limit (blocked by
 * policy) parks callers until a change. Waiters are woken on every change, and re-check the
 * caller's stop flag at least every 100 ms, so a parked transfer can still be stopped.
 *
 * <p>Time. The injected {@link Clock} decides which schedule is in force (tests move it across
 * boundaries); token refill uses {@link System#nanoTime()}, so a wall-clock step never releases
 * or withholds a burst.
 */
public final class Governor implements Throttle {
    /** Longest a waiter sleeps before looking at the allowance again. */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Small enough that a stop request is seen within ~2 s even at the 2 Kbps floor (250 B/s). */
    private static final int MIN_CHUNK = 512;
    private static final int MAX_CHUNK = 64 * 1024;

    private final Supplier<PolicyEvaluator> policy;
    private final AllowanceSource allowance;
    private final Predicate<JobId> onLan;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private PolicyEvaluator evaluator;
    private Instant nextBoundary;

    /**
     * @param policy    the evaluator in force now (re-read on {@link #policyChanged})
     * @param allowance the idle-bandwidth estimate, or {@link AllowanceSource#UNLIMITED}
     * @param onLan     whether a job's server is on the local network (IgnoreBandwidthLimitsOnLan)
     */
    public Governor(Supplier<PolicyEvaluator> policy, AllowanceSource allowance, Predicate<JobId> onLan, Clock clock) {
        this.policy = Objects.requireNonNull(policy);
        this.allowance = Objects.requireNonNull(allowance);
        this.onLan = Objects.requireNonNull(onLan);
        this.clock = Objects.requireNonNull(clock);
        lock.lock();
        try {
            reevaluate();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void acquire(JobId job, Priority priority, int bytes) throws InterruptedException {
        acquire(job, priority, bytes, () -> false);
    }

    @Override
    public void acquire(JobId job, Priority priority, int bytes, BooleanSupplier stopping) throws InterruptedException {
        if (!priority.isBackground() || bytes <= 0) {
            return;
        }
        boolean lan = onLan.test(job);
        lock.lockInterruptibly();
        try {
            Bucket bucket = bucket(priority, lan);
            while (true) {
                if (stopping.getAsBoolean()) {
                    return;
                }
                if (nextBoundary != null && !clock.instant().isBefore(nextBoundary)) {
                    reevaluate();
                }
                long rate = Math.min(bucket.policyRate.bytesPerSecond(), Math.max(1, allowance.allowance(job)));
                if (bucket.policyRate.isBlocked()) {
                    // Blocked by policy: the run condition stops the job; until then hold it.
                    changed.await(MAX_WAIT_NANOS, TimeUnit.NANOSECONDS);
                    continue;
                }
                if (rate == Long.MAX_VALUE) {
                    bucket.unlimited();
                    return;
                }
                long now = System.nanoTime();
                bucket.refill(now, rate);
                if (bucket.tokens >= 0) {
                    bucket.tokens -= bytes;
                    return;
                }
                long waitNanos = (long) (-bucket.tokens / rate * 1e9);
                changed.awaitNanos(Math.max(1, Math.min(waitNanos, MAX_WAIT_NANOS)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** About a twentieth of a second's worth of bytes at the current rate, within 512 bytes-64 KiB. */
    @Override
    public int preferredChunk(Priority priority) {
        if (!priority.isBackground()) {
            return MAX_CHUNK;
        }
        lock.lock();
        try {
            Rate rate = bucket(priority, false).policyRate;
            if (rate.isUnlimited() || rate.isBlocked()) {
                return MAX_CHUNK;
            }
            return (int) Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, rate.bytesPerSecond() / 20));
        } finally {
            lock.unlock();
        }
    }

    /** True for a background job under a policy limit (or block) or a finite idle allowance now. */
    @Override
    public boolean limits(JobId job, Priority priority) {
        return priority.isBackground()
                && (!policyLimit(job, priority).isUnlimited() || allowance.allowance(job) != Long.MAX_VALUE);
    }

    /** Re-reads the policy and wakes every waiter; call on policy change and at schedule boundaries. */
    public void policyChanged() {
        lock.lock();
        try {
            reevaluate();
        } finally {
            lock.unlock();
        }
    }

    /** The policy decision in force for background jobs of {@code priority} (for diagnostics). */
    public BandwidthDecision decision(Priority priority, boolean lan) {
        lock.lock();
        try {
            return evaluator.limitFor(clock.instant(), priority, lan);
        } finally {
            lock.unlock();
        }
    }

    private Bucket bucket(Priority priority, boolean lan) {
        return buckets.computeIfAbsent(priority.name() + (lan ? "/lan" : ""), k -> {
            Bucket b = new Bucket(priority, lan);
            b.policyRate = evaluator.limitFor(clock.instant(), priority, lan).rate();
            return b;
        });
    }

    private void reevaluate() {
        assert lock.isHeldByCurrentThread();
        evaluator = policy.get();
        Instant now = clock.instant();
        for (Bucket b : buckets.values()) {
            Rate next = evaluator.limitFor(now, b.priority, b.lan).rate();
            if (!next.equals(b.policyRate)) {
                b.policyRate = next;
                // Start the new rate from an empty bucket: no burst carried over from the old one.
                b.tokens = Math.min(b.tokens, 0);
                b.lastNanos = System.nanoTime();
            }
        }
        nextBoundary = evaluator.nextBoundaryAfter(now);
        changed.signalAll();
    }

    /** One priority's token balance. */
    private static final class Bucket {
        final Priority priority;
        final boolean lan;
        Rate policyRate;
        double tokens;
        long lastNanos = System.nanoTime();

        Bucket(Priority priority, boolean lan) {
            this.priority = priority;
            this.lan = lan;
        }

        void refill(long now, long rate) {
            double burst = rate / 10.0;
            tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * rate);
            lastNanos = now;
        }

        void unlimited() {
            tokens = 0;
            lastNanos = System.nanoTime();
        }
    }

    /**
     * The policy limit in force for {@code job} at {@code priority} now, with the LAN exemption
     * applied (read-only, for Get-BitsBandwidth); unlimited for foreground jobs.
     */
    public Rate policyLimit(JobId job, Priority priority) {
        return priority.isBackground() ? decision(priority, onLan.test(job)).rate() : Rate.UNLIMITED;
    }
}
