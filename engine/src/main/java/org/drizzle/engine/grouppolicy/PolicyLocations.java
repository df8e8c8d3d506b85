package org.drizzle.engine.grouppolicy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's policy files live. Each can be moved with a system property or an
 * environment variable (tests, containers, machines where /etc is read-only):
 * <ul>
 *   <li>policy file: {@code drizzle.policy.file} / {@code DRIZZLE_POLICY_FILE}, else
 *       {@code /etc/drizzle/policy.json} ({@code %ProgramData%\Drizzle\policy.json} on Windows);</li>
 *   <li>network cost overrides: {@code drizzle.network.cost.file} / {@code DRIZZLE_NETWORK_COST_FILE},
 *       else {@code network-cost.json} beside the policy file's default;</li>
 *   <li>fleet policy cache: {@code drizzle.policy.cache} / {@code DRIZZLE_POLICY_CACHE}, else
 *       {@code /var/lib/drizzle/policy} when writable, else {@code ~/.cache/drizzle/policy}.</li>
 * </ul>
 */
public final class PolicyLocations {
    private PolicyLocations() {
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static Path configured(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    private static Path machineFolder() {
        if (windows()) {
            String data = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(data, "Drizzle");
        }
        return Path.of("/etc/drizzle");
    }

    public static Path policyFile() {
        Path p = configured("drizzle.policy.file", "DRIZZLE_POLICY_FILE");
        return p != null ? p : machineFolder().resolve("policy.json");
    }

    public static Path networkCostFile() {
        Path p = configured("drizzle.network.cost.file", "DRIZZLE_NETWORK_COST_FILE");
        return p != null ? p : machineFolder().resolve("network-cost.json");
    }

    public static Path fleetCache() {
        Path p = configured("drizzle.policy.cache", "DRIZZLE_POLICY_CACHE");
        if (p != null) {
            return p;
        }
        Path machine = windows() ? machineFolder().resolve("policy-cache") : Path.of("/var/lib/drizzle/policy");
        Path parent = machine.getParent();
        if (Files.isWritable(machine) || (!Files.exists(machine) && Files.isWritable(parent))) {
            return machine;
        }
        return Path.of(System.getProperty("user.home"), ".cache", "drizzle", "policy");
    }
}
