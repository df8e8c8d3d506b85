package org.drizzle.engine.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.drizzle.engine.MutableClock;
import org.drizzle.engine.job.JobId;
import org.drizzle.policy.PolicyEvaluator;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;

/** The governor's pacing, blocking and wake-ups, with real threads and an injected wall clock. */
class GovernorTest {
    final JobId job = JobId.random();
    final MutableClock clock = MutableClock.at("2026-11-23T16:59:59Z"); // a Monday
    final AtomicReference<PolicyEvaluator> policy = new AtomicReference<>(Policies.evaluator("{}"));

    Governor governor(AllowanceSource allowance) {
        return new Governor(policy::get, allowance, id -> false, clock);
    }

    /** Acquires {@code total} bytes in chunks and returns the seconds it took. */
    static double pace(Governor g, JobId job, Priority p, long total, int chunk) throws InterruptedException {
        long start = System.nanoTime();
        for (long done = 0; done < total; done += chunk) {
            g.acquire(job, p, chunk);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void pacesBackgroundBytesAtThePolicyRate() throws Exception {
        policy.set(Policies.evaluator(Policies.allDay(400_000)));
        Governor g = governor(AllowanceSource.UNLIMITED);
        int chunk = g.preferredChunk(Priority.LOW);
        assertThat(chunk).isEqualTo(20_000);
        // 600 kB at 400 kB/s: 1.5 s, less the 100 ms burst an idle bucket may hold.
        double seconds = pace(g, job, Priority.LOW, 600_000, chunk);
        assertThat(seconds).isBetween(1.3, 1.75);
    }

    @Test
    void foregroundIsNeverPaced() throws Exception {
        policy.set(Policies.evaluator(Policies.allDay(250)));
        Governor g = governor(AllowanceSource.UNLIMITED);
        assertThat(pace(g, job, Priority.FOREGROUND, 100_000_000, 65536)).isLessThan(0.5);
    }

    @Test
    void theIdleAllowanceCapsBelowPolicy() throws Exception {
        policy.set(Policies.evaluator(Policies.allDay(4_000_000)));
        Governor g = governor(id -> 200_000);
        double seconds = pace(g, job, Priority.NORMAL, 300_000, 10_000);
        assertThat(seconds).isBetween(1.3, 1.75);
    }

    @Test
    void aBlockedPriorityWaitsUntilTheClockPassesTheBoundary() throws Exception {
        policy.set(Policies.evaluator(Policies.LOW_BLOCKED_AT_WORK));
        clock.set("2026-11-23T16:00:00Z");
        Governor g = governor(AllowanceSource.UNLIMITED);
        assertThat(g.decision(Priority.LOW, false).isBlocked()).isTrue();
        CompletableFuture<Void> low = CompletableFuture.runAsync(() -> acquireQuietly(g, Priority.LOW));
        // Normal jobs are not limited by this policy and pass at once.
        g.acquire(job, Priority.NORMAL, 1_000_000);
        Thread.sleep(300);
        assertThat(low).isNotDone();
        // The wall clock reaches 17:00; nobody calls policyChanged: the governor sees the boundary itself.
        clock.set("2026-11-23T17:00:00Z");
        low.get(1, TimeUnit.SECONDS);
    }

    @Test
    void aPolicyChangeWakesWaitersAtOnce() throws Exception {
        policy.set(Policies.evaluator(Policies.allDay(250)));
        Governor g = governor(AllowanceSource.UNLIMITED);
        g.acquire(job, Priority.HIGH, 25_000); // 100 s of debt at 2 Kbps
        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> acquireQuietly(g, Priority.HIGH));
        Thread.sleep(200);
        assertThat(next).isNotDone();
        long changedAt = System.nanoTime();
        policy.set(Policies.evaluator("{}"));
        g.policyChanged();
        next.get(1, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aStoppingTransferLeavesABlockedWaitWithoutBytes() throws Exception {
        policy.set(Policies.evaluator(Policies.LOW_BLOCKED_AT_WORK));
        clock.set("2026-11-23T09:00:00Z");
        Governor g = governor(AllowanceSource.UNLIMITED);
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Void> parked = CompletableFuture.runAsync(() -> {
            try {
                g.acquire(job, Priority.LOW, 1000, stopping::get);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(parked).isNotDone();
        stopping.set(true);
        parked.get(1, TimeUnit.SECONDS);
    }

    @Test
    void interruptingAWaiterStopsIt() throws Exception {
        policy.set(Policies.evaluator(Policies.LOW_BLOCKED_AT_WORK));
        clock.set("2026-11-23T09:00:00Z");
        Governor g = governor(AllowanceSource.UNLIMITED);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                g.acquire(job, Priority.LOW, 1);
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(100);
        t.interrupt();
        t.join(1000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void limitsNamesTheBackgroundJobsHeldBelowLineRateNow() {
        policy.set(Policies.evaluator(Policies.LOW_BLOCKED_AT_WORK));
        clock.set("2026-11-23T09:00:00Z");
        Governor g = governor(AllowanceSource.UNLIMITED);
        assertThat(g.limits(job, Priority.LOW)).as("blocked at work").isTrue();
        assertThat(g.limits(job, Priority.NORMAL)).as("no limit for Normal").isFalse();
        clock.set("2026-11-23T18:00:00Z");
        assertThat(g.limits(job, Priority.LOW)).as("after work").isFalse();

        policy.set(Policies.evaluator(Policies.allDay(2_000_000)));
        g.policyChanged();
        assertThat(g.limits(job, Priority.LOW)).isTrue();
        assertThat(g.limits(job, Priority.FOREGROUND)).as("foreground is never limited").isFalse();
        policy.set(Policies.evaluator("{}"));
        assertThat(governor(id -> 300_000).limits(job, Priority.NORMAL)).as("a finite idle allowance").isTrue();
    }

    private void acquireQuietly(Governor g, Priority p) {
        try {
            g.acquire(job, p, 1000);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
