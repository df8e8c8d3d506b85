package org.drizzle.engine.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.network.JobSnapshots;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;

/** Metered background bytes land in OwnTraffic by direction, with the time spent waiting. */
class OwnTrafficThrottleTest {

    @Test
    void countsBytesByDirectionAndTheTimeTheGovernorHeldThem() throws Exception {
        OwnTraffic own = new OwnTraffic();
        JobServers jobs = new JobServers();
        Throttle slow = (job, priority, bytes) -> Thread.sleep(30);
        OwnTrafficThrottle throttle = new OwnTrafficThrottle(slow, own, jobs);
        JobInfo download = JobSnapshots.job("http://10.123.0.1/f");

        throttle.acquire(download.id(), Priority.LOW, 1000);
        assertThat(own.totalReceived()).isEqualTo(1000);
        assertThat(own.totalSent()).isZero();
        assertThat(own.totalThrottledNanos()).isGreaterThanOrEqualTo(30_000_000L);

        JobInfo upload = JobSnapshots.with(JobSnapshots.job("http://10.123.0.1/up"), JobType.UPLOAD, JobState.TRANSFERRING);
        jobs.listener().onEvent(new JobEvent(JobEvent.Kind.MODIFICATION, upload, Instant.now()));
        throttle.acquire(upload.id(), Priority.LOW, 500);
        assertThat(own.totalSent()).isEqualTo(500);
        assertThat(own.totalReceived()).isEqualTo(1000);
        assertThat(throttle.preferredChunk(Priority.LOW)).isEqualTo(slow.preferredChunk(Priority.LOW));
    }

    @Test
    void forwardsWhetherTheGovernorLimitsAJob() {
        Throttle limiting = new Throttle() {
            @Override
            public void acquire(org.drizzle.engine.job.JobId job, Priority priority, int bytes) {
            }

            @Override
            public boolean limits(org.drizzle.engine.job.JobId job, Priority priority) {
                return priority == Priority.LOW;
            }
        };
        OwnTrafficThrottle throttle = new OwnTrafficThrottle(limiting, new OwnTraffic(), new JobServers());
        JobInfo download = JobSnapshots.job("http://10.123.0.1/f");
        assertThat(throttle.limits(download.id(), Priority.LOW)).isTrue();
        assertThat(throttle.limits(download.id(), Priority.HIGH)).isFalse();
    }

    @Test
    void forwardsTheStopFlagSoAParkedTransferCanStop() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.util.function.BooleanSupplier> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        Throttle governor = new Throttle() {
            @Override
            public void acquire(org.drizzle.engine.job.JobId job, Priority priority, int bytes) {
                throw new AssertionError("the stop flag was dropped");
            }

            @Override
            public void acquire(org.drizzle.engine.job.JobId job, Priority priority, int bytes,
                                java.util.function.BooleanSupplier stopping) {
                seen.set(stopping);
            }
        };
        JobInfo download = JobSnapshots.job("http://10.123.0.1/f");
        new OwnTrafficThrottle(governor, new OwnTraffic(), new JobServers()).acquire(download.id(), Priority.LOW, 10, () -> true);
        assertThat(seen.get().getAsBoolean()).isTrue();
    }
}
