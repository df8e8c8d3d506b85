package org.drizzle.engine.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policy and idle allowance together on a shaped 20 Mbit/s link: the governor's rate is
 * min(policy limit, allowance), so a policy cap below the allowance sets the rate, and a cap
 * above it (while a foreground flow uses the link) does not lift the job above the allowance.
 */
class NetnsPolicyTest {
    private static final long LINK = 20_000_000 / 8;

    @Test
    void policyCapBelowTheAllowanceWinsAndOneAboveItDoesNotRaiseTheRate(@TempDir Path work) throws Exception {
        assumeTrue(Netns.available(), "needs root and ip/tc: creates network namespaces and shapes a veth link");
        try (Netns net = new Netns()) {
            net.shapeServer("20mbit", "300ms");
            String url = YieldRun.startServer(net, 2_000_000_000L);

            // 600 KB/s cap, link to itself: the allowance stays above the cap (it probes 25 % above
            // what the link has carried), so the cap is what holds the job.
            List<long[]> capped = run(net, url, work.resolve("a"), 600_000, 7, null);
            double cappedRate = mean(capped, 3000, 7000, 0);
            double allowance = mean(capped, 3000, 7000, 1);
            System.out.printf("policy 600 KB/s: job %.0f B/s while the idle allowance was %.0f B/s%n", cappedRate, allowance);
            assertThat(allowance).as("allowance above the cap").isGreaterThan(1.1 * 600_000);
            assertThat(cappedRate).as("rate = the policy cap").isBetween(480_000.0, 690_000.0);

            // 100 MB/s cap while a foreground flow takes the link: the allowance rules.
            List<long[]> generous = run(net, url, work.resolve("b"), 100_000_000, 12, net.c);
            double duringForeground = mean(generous, 6000, 10000, 0);
            System.out.printf("policy 100 MB/s with a foreground flow: job %.0f B/s%n", duringForeground);
            assertThat(duringForeground).as("no faster than the idle allowance lets it").isLessThan(0.15 * LINK);
        }
    }

    /** Runs Drizzle for {@code seconds}; with a foreground namespace, a foreground flow runs from 4 s to 11 s. */
    private static List<long[]> run(Netns net, String url, Path work, long policy, int seconds, String foreground)
            throws Exception {
        List<long[]> samples = new CopyOnWriteArrayList<>();
        long[] start = {0};
        Process p = net.java(net.c, NetnsDrizzle.class, line -> {
            String[] f = line.split(" ");
            if (f[0].equals("BG")) {
                long t = Long.parseLong(f[1]);
                if (start[0] == 0 && Long.parseLong(f[2]) > 0) {
                    start[0] = t;
                }
                if (start[0] != 0) {
                    samples.add(new long[] {t - start[0], Long.parseLong(f[2]) * 10, Long.parseLong(f[3])});
                }
            }
        }, url, work.toString(), "idle", Long.toString(policy), Integer.toString(seconds + 3));
        NetnsLinkLossTest.waitFor(() -> start[0] != 0, 30);
        if (foreground != null) {
            Thread.sleep(4000);
            net.java(foreground, NetnsForeground.class, line -> { }, url, "7");
        }
        p.waitFor();
        return samples;
    }

    /** Mean of column {@code col} (0 = job rate, 1 = allowance) over [from, to) ms after the first byte. */
    private static double mean(List<long[]> samples, long from, long to, int col) {
        return samples.stream().filter(s -> s[0] >= from && s[0] < to).mapToLong(s -> s[col + 1]).average().orElse(0);
    }
}
