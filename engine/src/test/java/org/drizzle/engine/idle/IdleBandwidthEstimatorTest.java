package org.drizzle.engine.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.drizzle.engine.network.FakeInterfaces;
import org.drizzle.engine.network.JobSnapshots;
import org.junit.jupiter.api.Test;

/** The sampler separates own from others' bytes per interface, on a fake clock and fake counters. */
class IdleBandwidthEstimatorTest {

    private static final long C = 2_500_000;

    @Test
    void othersOnTheServersInterfaceShrinkTheAllowanceAndOwnBytesDoNot() throws Exception {
        FakeInterfaces os = new FakeInterfaces();
        InetAddress server = InetAddress.getByName("10.123.0.1");
        InetAddress elsewhere = InetAddress.getByName("192.0.2.1");
        os.routes.put(server, "vC");
        os.routes.put(elsewhere, "eth0");
        os.set("vC", 0, 0, true);
        os.set("eth0", 0, 0, true);
        OwnTraffic own = new OwnTraffic();
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        IdleBandwidthEstimator estimator = new IdleBandwidthEstimator(os, own, null, C, clock::get, null);

        assertThat(estimator.allowance(server, false)).isEqualTo(AllowanceController.INITIAL);
        long rx = 0;
        // Two seconds of only our own traffic at 2 MB/s: the allowance climbs well above it.
        for (int i = 0; i < 20; i++) {
            clock.addAndGet(100_000_000L);
            own.received(200_000);
            rx += 200_000;
            os.set("vC", rx, 0, true);
            estimator.sample();
        }
        long alone = estimator.allowance(server, false);
        assertThat(alone).isGreaterThan(2_000_000);
        // Someone else takes 1.5 MB/s on the same interface.
        for (int i = 0; i < 10; i++) {
            clock.addAndGet(100_000_000L);
            own.received(20_000);
            rx += 20_000 + 150_000;
            os.set("vC", rx, 0, true);
            estimator.sample();
        }
        LinkEstimate down = estimator.estimates().get(0);
        assertThat(down.interfaceName()).isEqualTo("vC");
        assertThat(down.upload()).isFalse();
        assertThat(down.others()).isBetween(1_400_000L, 1_550_000L);
        assertThat(down.capacity()).isEqualTo(C);
        assertThat(estimator.allowance(server, false)).isLessThanOrEqualTo(C - 1_400_000 - C / 10);
        // eth0 was never asked about, so it is not watched; the other route gets its own estimate.
        assertThat(estimator.estimates()).extracting(LinkEstimate::interfaceName).containsOnly("vC");
        assertThat(estimator.allowance(elsewhere, false)).isEqualTo(AllowanceController.INITIAL);
        assertThat(estimator.estimates()).extracting(LinkEstimate::interfaceName).contains("eth0");
    }

    @Test
    void noRouteGivesTheFloorAndUnaskedInterfacesAreForgotten() throws Exception {
        FakeInterfaces os = new FakeInterfaces();
        AtomicLong clock = new AtomicLong();
        IdleBandwidthEstimator estimator = new IdleBandwidthEstimator(os, new OwnTraffic(), null, 0, clock::get, null);
        assertThat(estimator.allowance(InetAddress.getByName("10.1.1.1"), false)).isEqualTo(AllowanceController.MIN_FLOOR);

        InetAddress server = InetAddress.getByName("10.123.0.1");
        os.routes.put(server, "vC");
        os.set("vC", 0, 0, true);
        estimator.allowance(server, true);
        estimator.sample();
        assertThat(estimator.estimates()).hasSize(2);
        clock.addAndGet(61_000_000_000L);
        estimator.sample();
        assertThat(estimator.estimates()).isEmpty();
    }

    @Test
    void governorQuestionsPerJobFollowTheJobsServerFromEvents() throws Exception {
        FakeInterfaces os = new FakeInterfaces();
        InetAddress server = InetAddress.getByName("10.123.0.1");
        os.routes.put(server, "vC");
        os.set("vC", 0, 0, true);
        AtomicLong clock = new AtomicLong(1);
        IdleBandwidthEstimator estimator = new IdleBandwidthEstimator(os, new OwnTraffic(), null, C, clock::get, null);
        org.drizzle.engine.job.JobInfo queued = JobSnapshots.job("http://10.123.0.1:8080/f");
        assertThat(estimator.allowance(queued.id())).isEqualTo(AllowanceController.INITIAL);

        org.drizzle.engine.job.JobInfo transferring = JobSnapshots.with(queued, queued.type(), org.drizzle.engine.job.JobState.TRANSFERRING);
        estimator.jobs().listener().onEvent(new org.drizzle.engine.api.JobEvent(
                org.drizzle.engine.api.JobEvent.Kind.MODIFICATION, transferring, java.time.Instant.now()));
        assertThat(estimator.jobs().of(queued.id())).isEqualTo(new JobServers.Server("10.123.0.1", false));
        estimator.allowance(queued.id()); // asks for the name; the sampler resolves it
        long rx = 0;
        for (int i = 0; i < 10; i++) {
            clock.addAndGet(100_000_000L);
            rx += 200_000; // 2 MB/s of somebody else
            os.set("vC", rx, 0, true);
            estimator.sample();
        }
        assertThat(estimator.allowance(queued.id())).isEqualTo(estimator.allowance(server, false))
                .isLessThan(C - 1_900_000);
        estimator.jobs().update(JobSnapshots.with(queued, queued.type(), org.drizzle.engine.job.JobState.SUSPENDED));
        assertThat(estimator.jobs().of(queued.id())).isNull();
    }

    @Test
    void samplerThreadRunsTenTimesASecond() throws Exception {
        FakeInterfaces os = new FakeInterfaces();
        InetAddress server = InetAddress.getByName("10.123.0.1");
        os.routes.put(server, "vC");
        os.set("vC", 0, 0, true);
        OwnTraffic own = new OwnTraffic();
        try (IdleBandwidthEstimator estimator = new IdleBandwidthEstimator(os, own, null, C)) {
            estimator.allowance(server, false);
            estimator.start();
            long start = System.nanoTime();
            long rx = 0;
            while (System.nanoTime() - start < 600_000_000L) {
                rx += 50_000;
                os.set("vC", rx, 0, true);
                Thread.sleep(20);
            }
            // ~2.5 MB/s of others: a live sampler must have noticed within 0.6 s.
            assertThat(estimator.estimates().get(0).others()).isGreaterThan(1_000_000);
        }
    }
}
