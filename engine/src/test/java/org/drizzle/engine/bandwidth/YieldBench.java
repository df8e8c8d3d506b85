package org.drizzle.engine.bandwidth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The yield benchmark behind bench/yield.sh: the {@link YieldRun} scenario with the idle
 * estimator on and off ("none": background at full speed), with the foreground flow on
 * Drizzle's own NIC and on another host behind the same bottleneck, for each congestion
 * control the server uses (set per connection by {@link NetnsServer}). Writes one CSV per run,
 * summary.txt (every run) and medians.txt (median and range per scenario over the runs) into
 * the output folder. Needs root.
 *
 * <p>Usage: {@code YieldBench <out-dir> [own|beyond|both] [cubic,bbr] [idle,none] [runs]}
 * (defaults: both, cubic,bbr, idle,none, 1).
 */
public final class YieldBench {
    private YieldBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        String which = args.length > 1 ? args[1] : "both";
        List<String> congestion = List.of((args.length > 2 ? args[2] : "cubic,bbr").split(","));
        List<String> modes = List.of((args.length > 3 ? args[3] : "idle,none").split(","));
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        if (!Netns.available()) {
            System.err.println("needs root and ip/tc (network namespaces, tbf)");
            System.exit(2);
        }
        for (String cc : congestion) {
            if (!Netns.congestionControlAvailable(cc)) {
                System.err.println("this kernel does not offer congestion control " + cc
                        + " (see /proc/sys/net/ipv4/tcp_available_congestion_control)");
                System.exit(2);
            }
        }
        List<String> summary = new ArrayList<>();
        Map<String, List<YieldRun.Figures>> byScenario = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (String cc : congestion) {
                for (String placement : List.of("own", "beyond")) {
                    if (!which.equals("both") && !which.equals(placement)) {
                        continue;
                    }
                    for (String mode : modes) {
                        String scenario = "yield-" + mode + "-" + placement + "-" + cc;
                        String name = scenario + (runs > 1 ? "-" + run : "");
                        YieldRun.Figures f = runOnce(out, name, placement, cc, mode);
                        byScenario.computeIfAbsent(scenario, k -> new ArrayList<>()).add(f);
                        summary.add(name + ": " + f);
                        System.out.println(name + ": " + f);
                        Files.write(out.resolve("summary.txt"), summary);
                    }
                }
            }
        }
        List<String> medians = new ArrayList<>();
        byScenario.forEach((scenario, figures) -> medians.add(medians(scenario, figures)));
        Files.write(out.resolve("medians.txt"), medians);
        medians.forEach(System.out::println);
    }

    private static YieldRun.Figures runOnce(Path out, String name, String placement, String cc, String mode)
            throws Exception {
        try (Netns net = new Netns()) {
            net.serverCongestion = cc;
            net.shapeServer(Netns.RATE, Netns.QUEUE);
            Path work = Files.createTempDirectory("drizzle-yield");
            YieldRun.Result r = YieldRun.run(net, placement.equals("own") ? net.c : net.o, mode, work);
            r.writeCsv(out.resolve(name + ".csv"));
            return YieldRun.Figures.of(r);
        }
    }

    /** One line per scenario: median [min..max] of each headline figure ("-1" = never). */
    static String medians(String scenario, List<YieldRun.Figures> figures) {
        return String.format(Locale.ROOT, "%s (%d runs): background alone %s %%; background under 10 %% after %s ms;"
                        + " foreground at 90 %% after %s ms, then %s %%; background while contended %s %%;"
                        + " background back to 80 %% after %s ms, then %s %%; longest stall %s ms", scenario,
                figures.size(), stat(figures, f -> 100 * f.backgroundAloneShare()),
                stat(figures, f -> f.backgroundYieldMillis()), stat(figures, f -> f.timeToYieldMillis()),
                stat(figures, f -> 100 * f.foregroundShareContended()),
                stat(figures, f -> 100 * f.backgroundShareContended()), stat(figures, f -> f.timeToRecoverMillis()),
                stat(figures, f -> 100 * f.backgroundShareRecovered()),
                stat(figures, f -> f.longestBackgroundStallMillis()));
    }

    private static String stat(List<YieldRun.Figures> figures, ToDoubleFunction<YieldRun.Figures> value) {
        double[] v = figures.stream().mapToDouble(value).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return v.length == 1 ? String.format(Locale.ROOT, "%.0f", median)
                : String.format(Locale.ROOT, "%.0f [%.0f..%.0f]", median, v[0], v[v.length - 1]);
    }
}
