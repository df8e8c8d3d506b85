package org.drizzle.engine.bandwidth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The yield scenario on a {@link Netns} network, shared by the root tests and bench/yield.sh:
 * a foreground flow alone (its solo rate), then a Drizzle background job alone, then the
 * foreground flow again for ten seconds next to the job, then the job alone. Each flow's bytes
 * are counted per 100 ms where they arrive; the result lines both series up in time.
 */
final class YieldRun {
    static final double SOLO_SECONDS = 3;
    static final double BACKGROUND_ALONE_SECONDS = 6;
    static final double CONTENDED_SECONDS = 10;
    static final double RECOVERY_SECONDS = 5;

    /** One 100 ms interval: bytes of each flow and what the estimator believed. */
    record Point(long epochMillis, long background, long foreground, long allowance, long others, long capacity,
                 long queueDelayMicros) {
    }

    /** The time series and the phase boundaries (epoch ms). */
    record Result(List<Point> points, double soloRate, long foregroundStart, long foregroundEnd) {

        /** Bytes/s of one flow over [from, to). */
        double rate(boolean foreground, long from, long to) {
            long bytes = 0;
            for (Point p : points) {
                if (p.epochMillis() > from && p.epochMillis() <= to) {
                    bytes += foreground ? p.foreground() : p.background();
                }
            }
            return bytes * 1000.0 / Math.max(1, to - from);
        }

        /**
         * Milliseconds from {@code from} until a flow's rate over the next 500 ms first reaches
         * {@code share} of {@code reference}, or -1 if it never does before {@code limit}.
         */
        long timeToReach(boolean foreground, long from, long limit, double share, double reference) {
            for (long t = from; t + 500 <= limit; t += 100) {
                if (rate(foreground, t, t + 500) >= share * reference) {
                    return t - from;
                }
            }
            return -1;
        }

        /** Writes the series as CSV (seconds from the first point, rates in Mbit/s). */
        void writeCsv(Path file) throws Exception {
            long t0 = points.get(0).epochMillis();
            StringBuilder sb = new StringBuilder("t_s,background_mbps,foreground_mbps,allowance_mbps,others_mbps,"
                    + "capacity_mbps,queue_delay_ms\n");
            for (Point p : points) {
                sb.append(String.format(Locale.ROOT, "%.1f,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f%n", (p.epochMillis() - t0) / 1000.0,
                        p.background() * 8e-5, p.foreground() * 8e-5, p.allowance() * 8e-6, p.others() * 8e-6,
                        p.capacity() * 8e-6, p.queueDelayMicros() / 1000.0));
            }
            Files.writeString(file, sb);
        }
    }

    private YieldRun() {
    }

    /**
     * Runs the scenario.
     *
     * @param foregroundNamespace where the foreground client runs: Drizzle's own namespace (its
     *                            NIC sees the flow) or the other host's (only the bottleneck is shared)
     * @param mode                "idle" (the estimator) or "none" (background at full speed)
     */
    static Result run(Netns net, String foregroundNamespace, String mode, Path work) throws Exception {
        String url = startServer(net, 2_000_000_000L);
        Map<Long, long[]> fg = new ConcurrentSkipListMap<>();
        Map<Long, long[]> bg = new ConcurrentSkipListMap<>();

        CountDownLatch soloDone = new CountDownLatch(1);
        net.java(foregroundNamespace, NetnsForeground.class, line -> collectForeground(line, fg, soloDone), url,
                Double.toString(SOLO_SECONDS));
        if (!soloDone.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the solo foreground flow did not finish");
        }
        double solo = soloRate(fg);
        fg.clear();

        double drizzleSeconds = BACKGROUND_ALONE_SECONDS + CONTENDED_SECONDS + RECOVERY_SECONDS + 3;
        CountDownLatch drizzleUp = new CountDownLatch(1);
        net.java(net.c, NetnsDrizzle.class, line -> {
            String[] f = line.split(" ");
            if (f[0].equals("BG") && f.length >= 8) {
                bg.put(Long.parseLong(f[1]), new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6])});
                if (Long.parseLong(f[2]) > 0) {
                    drizzleUp.countDown();
                }
            } else {
                System.out.println("[drizzle] " + line);
            }
        }, url, work.toString(), mode, "0", Double.toString(drizzleSeconds));
        if (!drizzleUp.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Drizzle job moved no bytes");
        }
        Thread.sleep((long) (BACKGROUND_ALONE_SECONDS * 1000));
        CountDownLatch contendedDone = new CountDownLatch(1);
        net.java(foregroundNamespace, NetnsForeground.class, line -> collectForeground(line, fg, contendedDone), url,
                Double.toString(CONTENDED_SECONDS));
        if (!contendedDone.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the contending foreground flow did not finish");
        }
        Thread.sleep((long) (RECOVERY_SECONDS * 1000));

        long fgStart = fg.entrySet().stream().filter(e -> e.getValue()[0] > 0).mapToLong(Map.Entry::getKey).min().orElseThrow();
        long fgEnd = fg.entrySet().stream().filter(e -> e.getValue()[0] > 0).mapToLong(Map.Entry::getKey).max().orElseThrow();
        return new Result(merge(bg, fg), solo, fgStart - 100, fgEnd);
    }

    /** Starts the server in the server namespace; returns the file's URL. */
    static String startServer(Netns net, long size) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        net.java(net.s, NetnsServer.class, line -> {
            if (line.startsWith("READY")) {
                ready.countDown();
            }
        }, Netns.SERVER_IP, "8080", Long.toString(size), net.serverCongestion == null ? "default" : net.serverCongestion);
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the namespace server did not start");
        }
        return "http://" + Netns.SERVER_IP + ":8080/f";
    }

    private static void collectForeground(String line, Map<Long, long[]> fg, CountDownLatch done) {
        String[] f = line.split(" ");
        if (f[0].equals("FG") && f.length == 3) {
            fg.put(Long.parseLong(f[1]), new long[] {Long.parseLong(f[2])});
        } else if (line.equals("FGDONE")) {
            done.countDown();
        }
    }

    /** Mean rate of the solo run, leaving out its first second (slow start). */
    private static double soloRate(Map<Long, long[]> fg) {
        long first = fg.entrySet().stream().filter(e -> e.getValue()[0] > 0).mapToLong(Map.Entry::getKey).min().orElseThrow();
        long bytes = 0;
        int n = 0;
        for (Map.Entry<Long, long[]> e : fg.entrySet()) {
            if (e.getKey() > first + 1000) {
                bytes += e.getValue()[0];
                n++;
            }
        }
        return n == 0 ? 0 : bytes * 10.0 / n;
    }

    /** Aligns both series on the background's 100 ms grid (the foreground's ticks fall into the nearest slot). */
    private static List<Point> merge(Map<Long, long[]> bg, Map<Long, long[]> fg) {
        TreeMap<Long, long[]> grid = new TreeMap<>(bg);
        Map<Long, Long> fgOnGrid = new TreeMap<>();
        for (Map.Entry<Long, long[]> e : fg.entrySet()) {
            Map.Entry<Long, long[]> slot = grid.ceilingEntry(e.getKey());
            if (slot != null) {
                fgOnGrid.merge(slot.getKey(), e.getValue()[0], Long::sum);
            }
        }
        List<Point> points = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : grid.entrySet()) {
            long[] v = e.getValue();
            points.add(new Point(e.getKey(), v[0], fgOnGrid.getOrDefault(e.getKey(), 0L), v[1], v[2], v[3], v[4]));
        }
        return points;
    }

    /** The headline figures of one run. */
    record Figures(double soloMbps, double backgroundAloneShare, long backgroundYieldMillis, long timeToYieldMillis,
                   double foregroundShareContended,
                   double backgroundShareContended, long timeToRecoverMillis, double backgroundShareRecovered,
                   long longestBackgroundStallMillis) {

        static Figures of(Result r) {
            double solo = r.soloRate();
            long start = r.foregroundStart();
            long end = r.foregroundEnd();
            long first = r.points().get(0).epochMillis();
            long last = r.points().get(r.points().size() - 1).epochMillis();
            double alone = r.rate(false, start - 2000, start);
            long yield = r.timeToReach(true, start, end, 0.9, solo);
            long bgYield = -1;
            for (long t = start; t + 500 <= end && bgYield < 0; t += 100) {
                if (r.rate(false, t, t + 500) <= 0.1 * solo) {
                    bgYield = t - start;
                }
            }
            double fgShare = yield < 0 ? r.rate(true, start, end) / solo : r.rate(true, start + yield, end) / solo;
            double bgShare = r.rate(false, start + 1000, end) / solo;
            long recover = r.timeToReach(false, end, last, 0.8, solo);
            double recovered = r.rate(false, end + 2000, last) / solo;
            long stall = 0;
            long run = 0;
            for (Point p : r.points()) {
                if (p.epochMillis() < first + 2000) {
                    continue;
                }
                run = p.background() == 0 ? run + 100 : 0;
                stall = Math.max(stall, run);
            }
            return new Figures(solo * 8e-6, alone / solo, bgYield, yield, fgShare, bgShare, recover, recovered, stall);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "solo %.1f Mbit/s; background alone %.0f%% of it; background under 10%% %d ms"
                    + " after the foreground started, foreground at 90%% after %d ms, then %.0f%% (background %.0f%%);"
                    + " background back to 80%% %d ms after, then %.0f%%; longest background stall %d ms", soloMbps,
                    backgroundAloneShare * 100, backgroundYieldMillis, timeToYieldMillis,
                    foregroundShareContended * 100, backgroundShareContended * 100, timeToRecoverMillis,
                    backgroundShareRecovered * 100, longestBackgroundStallMillis);
        }
    }
}
