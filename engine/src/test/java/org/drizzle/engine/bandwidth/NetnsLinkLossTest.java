package org.drizzle.engine.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network goes away mid-transfer ({@code ip link set vC down} in Drizzle's namespace) and
 * comes back: the job waits in TRANSIENT_ERROR with BG_E_NETWORK_DISCONNECTED instead of
 * failing, moves bytes again within two seconds of the link coming up, and the file is exact.
 */
class NetnsLinkLossTest {
    private static final long SIZE = 12_000_000;

    @Test
    void jobWaitsForTheNetworkAndResumesWithinTwoSeconds(@TempDir Path work) throws Exception {
        assumeTrue(Netns.available(), "needs root and ip/tc: creates network namespaces and takes a link down");
        try (Netns net = new Netns()) {
            net.shapeServer("20mbit", "100ms");
            String url = YieldRun.startServer(net, SIZE);
            List<String[]> bg = new CopyOnWriteArrayList<>();
            List<String> states = new CopyOnWriteArrayList<>();
            List<String> done = new CopyOnWriteArrayList<>();
            net.java(net.c, NetnsDrizzle.class, line -> {
                String[] f = line.split(" ");
                if (f[0].equals("BG")) {
                    bg.add(f);
                } else if (f[0].equals("STATE")) {
                    states.add(line);
                } else if (f[0].equals("DONE")) {
                    done.add(f[1]);
                }
            }, url, work.toString(), "idle", "0", "40", "3");

            waitFor(() -> !bg.isEmpty() && Long.parseLong(bg.get(bg.size() - 1)[9]) >= 3_000_000, 30);
            net.link(net.c, "vC", false);
            long downAt = System.currentTimeMillis();
            try {
                waitFor(() -> states.stream().anyMatch(s -> s.contains("TRANSIENT_ERROR")), 8);
            } catch (AssertionError e) {
                throw new AssertionError("no TRANSIENT_ERROR after the link went down; states " + states
                        + ", last sample " + String.join(" ", bg.get(bg.size() - 1)), e);
            }
            long noticedAfter = stateTime(states, "TRANSIENT_ERROR") - downAt;
            Thread.sleep(3000);
            String[] during = bg.get(bg.size() - 1);
            assertThat(during[7]).as("state while the link is down").isEqualTo("TRANSIENT_ERROR");
            assertThat(states).anyMatch(s -> s.contains("TRANSIENT_ERROR") && s.contains("BG_E_NETWORK_DISCONNECTED"));
            long durableBefore = Long.parseLong(during[9]);

            net.link(net.c, "vC", true);
            long upAt = System.currentTimeMillis();
            waitFor(() -> bg.stream().anyMatch(f -> Long.parseLong(f[1]) > upAt && Long.parseLong(f[2]) > 0), 10);
            long resumedAfter = bg.stream().filter(f -> Long.parseLong(f[1]) > upAt && Long.parseLong(f[2]) > 0)
                    .mapToLong(f -> Long.parseLong(f[1])).min().orElseThrow() - upAt;
            waitFor(() -> !done.isEmpty(), 30);
            System.out.printf("link loss: blocked %d ms after the link went down; bytes again %d ms after it came up;"
                    + " %d bytes were durable at the outage%n", noticedAfter, resumedAfter, durableBefore);
            assertThat(resumedAfter).as("resumes within 2 s").isLessThanOrEqualTo(2000);
            assertThat(states).noneMatch(s -> s.contains(" ERROR "));
            assertThat(done.get(0)).as("the file is exact").isEqualTo(NetnsServer.sha256(SIZE));
        }
    }

    private static long stateTime(List<String> states, String state) {
        return states.stream().filter(s -> s.contains(state)).mapToLong(s -> Long.parseLong(s.split(" ")[1]))
                .min().orElseThrow();
    }

    static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
