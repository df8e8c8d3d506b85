package org.drizzle.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The machine policy file, network-cost override and policy cache moved into a test's temp
 * folder through PolicyLocations' system properties, so an engine opened as the product opens it
 * reads the test's policy; {@link #close()} puts the previous property values back.
 */
public final class TempPolicy implements AutoCloseable {
    private static final String[] PROPERTIES = {"drizzle.policy.file", "drizzle.network.cost.file",
            "drizzle.policy.cache", EngineAssembly.IDLE_BANDWIDTH_PROPERTY};
    private final Path dir;
    private final Map<String, String> saved = new HashMap<>();

    private TempPolicy(Path dir) {
        this.dir = dir;
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
        }
        System.setProperty("drizzle.policy.file", file().toString());
        System.setProperty("drizzle.network.cost.file", dir.resolve("network-cost.json").toString());
        System.setProperty("drizzle.policy.cache", dir.resolve("policy-cache").toString());
    }

    /** Moves the policy locations into {@code dir} (no policy file yet: "not configured"). */
    public static TempPolicy in(Path dir) {
        return new TempPolicy(dir);
    }

    /** The BITS 2.0 schedule over the whole day at {@code bytesPerSecond} (whole Kbps), as an admin writes it. */
    public static String allDay(long bytesPerSecond) {
        return "{\"EnableBITSMaxBandwidth\": 1, \"MaxTransferRateOnSchedule\": " + bytesPerSecond / 125
                + ", \"MaxBandwidthValidFrom\": 0, \"MaxBandwidthValidTo\": 0}";
    }

    public Path file() {
        return dir.resolve("policy.json");
    }

    /** Replaces the policy file in one atomic move, so a watching engine never reads half a file. */
    public TempPolicy write(String json) throws IOException {
        Path tmp = dir.resolve("policy.json.new");
        Files.writeString(tmp, json);
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return this;
    }

    @Override
    public void close() {
        saved.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }
}
