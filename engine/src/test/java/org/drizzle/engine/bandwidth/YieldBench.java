package org.drizzle.engine.bandwidth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The yield benchmark behind bench/yield.sh: the {@link YieldRun} scenario with the idle
 * estimator on and off ("none": background at full speed), with the foreground flow on
 * Drizzle's own NIC and on another host behind the same bottleneck. Writes one CSV per run
 * and summary.txt into the output folder. Needs root.
 *
 * <p>Usage: {@code YieldBench <out-dir> [own|beyond|both]}
 */
public final class YieldBench {
    private YieldBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        String which = args.length > 1 ? args[1] : "both";
        if (!Netns.available()) {
            System.err.println("needs root and ip/tc (network namespaces, tbf)");
            System.exit(2);
        }
        List<String> summary = new ArrayList<>();
        for (String placement : List.of("own", "beyond")) {
            if (!which.equals("both") && !which.equals(placement)) {
                continue;
            }
            for (String mode : List.of("idle", "none")) {
                try (Netns net = new Netns()) {
                    net.shapeServer("20mbit", "300ms");
                    Path work = Files.createTempDirectory("drizzle-yield");
                    YieldRun.Result r = YieldRun.run(net, placement.equals("own") ? net.c : net.o, mode, work);
                    String name = "yield-" + mode + "-" + placement;
                    r.writeCsv(out.resolve(name + ".csv"));
                    String line = name + ": " + YieldRun.Figures.of(r);
                    System.out.println(line);
                    summary.add(line);
                }
            }
        }
        Files.write(out.resolve("summary.txt"), summary);
    }
}
