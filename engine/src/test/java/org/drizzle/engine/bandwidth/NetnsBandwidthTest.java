package org.drizzle.engine.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background transfers on a real shaped link between network namespaces (root only): they
 * yield to a foreground flow within a second, recover when it stops, and never stop entirely;
 * the same with the bottleneck beyond Drizzle's NIC (delay signal only, the server on CUBIC).
 * Figures are printed so a failing run shows what it measured; bench/yield.sh measures more
 * runs and both congestion controls.
 */
class NetnsBandwidthTest {

    @BeforeAll
    static void needsRoot() {
        assumeTrue(Netns.available(), "needs root and ip/tc: creates network namespaces and shapes a veth link");
    }

    @Test
    void yieldsToAForegroundFlowOnItsOwnNicAndRecovers(@TempDir Path work) throws Exception {
        try (Netns net = new Netns()) {
            // The server keeps the kernel's default congestion control here (BBR on this kernel).
            net.shapeServer(Netns.RATE, Netns.QUEUE);
            YieldRun.Result r = YieldRun.run(net, net.c, "idle", work);
            YieldRun.Figures f = YieldRun.Figures.of(r);
            keep(r, "own-nic");
            System.out.println("own NIC: " + f);
            assertThat(f.backgroundAloneShare()).as("background alone approaches the link rate").isGreaterThan(0.6);
            assertThat(f.backgroundYieldMillis()).as("background under 10%% of the link within 1 s").isBetween(0L, 1000L);
            assertThat(f.backgroundShareContended()).as("and stays there").isLessThanOrEqualTo(0.1);
            // The foreground's own ramp-up (BBR start-up, and CPU on a shared 2-core box) decides
            // how fast it fills the room; 80 % rather than 90 % keeps that noise out of the verdict.
            assertThat(f.foregroundShareContended()).as("foreground's share while contended").isGreaterThanOrEqualTo(0.8);
            assertThat(f.timeToRecoverMillis()).as("background regains 80%% within 3 s").isBetween(0L, 3000L);
            assertThat(f.longestBackgroundStallMillis()).as("background never stops entirely").isLessThan(2000);
        }
    }

    @Test
    void yieldsOnTheDelaySignalWhenTheBottleneckIsBeyondTheNic(@TempDir Path work) throws Exception {
        // The server sends with CUBIC, as most web servers do (Linux's default): a loss-based
        // sender that fills the bottleneck's queue, so the newcomer shows as queueing delay.
        assumeTrue(Netns.congestionControlAvailable("cubic"), "the kernel offers no cubic congestion control");
        try (Netns net = new Netns()) {
            net.serverCongestion = "cubic";
            net.shapeServer(Netns.RATE, Netns.QUEUE);
            YieldRun.Result r = YieldRun.run(net, net.o, "idle", work);
            YieldRun.Figures f = YieldRun.Figures.of(r);
            keep(r, "beyond-nic");
            System.out.println("beyond the NIC: " + f);
            // Drizzle's NIC never sees the other host's flow: only the queueing delay on our own
            // connections (TCP_INFO) can make it yield. The thresholds (measured: the
            // foreground at 90 % after 0.4 s, then 96-98 %; see docs/bandwidth.md).
            assertThat(f.backgroundAloneShare()).as("background alone approaches the link rate").isGreaterThan(0.6);
            assertThat(f.backgroundYieldMillis()).as("background under 10%% of the link within 1 s").isBetween(0L, 1000L);
            assertThat(f.backgroundShareContended()).as("and stays there").isLessThanOrEqualTo(0.1);
            assertThat(f.timeToYieldMillis()).as("foreground at 90%% of solo within 1 s").isBetween(0L, 1000L);
            assertThat(f.foregroundShareContended()).as("and keeps it").isGreaterThanOrEqualTo(0.9);
            assertThat(f.timeToRecoverMillis()).as("background regains 80%% within 3 s").isBetween(0L, 3000L);
            assertThat(f.longestBackgroundStallMillis()).as("background never stops entirely").isLessThan(2000);
        }
    }

    /** With -Ddrizzle.netns.csv=DIR the time series of each run is kept there for a look. */
    private static void keep(YieldRun.Result r, String name) throws Exception {
        String dir = System.getProperty("drizzle.netns.csv");
        if (dir != null) {
            r.writeCsv(Path.of(dir, name + ".csv"));
        }
    }
}
