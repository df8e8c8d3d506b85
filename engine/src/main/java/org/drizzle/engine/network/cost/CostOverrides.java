package org.drizzle.engine.network.cost;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.drizzle.engine.job.CostFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's per-interface cost declarations (Set-BitsNetworkCost), kept as a small JSON file
 * such as {@code {"wwan0": "Metered", "eth1": "Unrestricted"}} (machine default
 * {@code /etc/drizzle/network-cost.json}). They win over policy and NetworkManager, for machines
 * where nothing else knows the link is metered. "Metered" means NearCap (see {@link #parseCost}).
 */
public final class CostOverrides {
    public static final Path MACHINE_FILE = Path.of("/etc/drizzle/network-cost.json");
    private static final Logger LOG = LoggerFactory.getLogger(CostOverrides.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public CostOverrides(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * A cost state name: "Metered" (= NearCap: Drizzle cannot see a plan's cap, so a metered
     * link is taken as near it, which Standard and Unrestricted jobs avoid), or one
     * {@code BITS_COST_STATE_*} name: Unrestricted, Capped, BelowCap, NearCap, OverCapCharged,
     * OverCapThrottled, UsageBased, Roaming.
     */
    public static int parseCost(String name) {
        if ("metered".equalsIgnoreCase(name.trim())) {
            return CostFlags.NEAR_CAP;
        }
        Integer bit = null;
        for (Map.Entry<String, Integer> e : CostFlags.names().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name.trim()) && Integer.bitCount(e.getValue()) == 1
                    && e.getValue() != CostFlags.IGNORE_CONGESTION) {
                bit = e.getValue();
            }
        }
        if (bit == null) {
            throw new IllegalArgumentException("'" + name + "' is not a network cost; valid values are Metered, Unrestricted,"
                    + " Capped, BelowCap, NearCap, OverCapCharged, OverCapThrottled, UsageBased, Roaming");
        }
        return bit;
    }

    /** Interface name to cost bit; empty when the file is absent. A bad file is logged and ignored. */
    public Map<String, Integer> read() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : readNames().entrySet()) {
            try {
                out.put(e.getKey(), parseCost(e.getValue()));
            } catch (IllegalArgumentException ex) {
                LOG.error("{}: interface {}: {}", file, e.getKey(), ex.getMessage());
            }
        }
        return out;
    }

    private Map<String, String> readNames() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            LOG.error("Network cost overrides {} unreadable, ignored: {}", file, e.getMessage());
            return new LinkedHashMap<>();
        }
    }

    /** Declares {@code interfaceName}'s cost, or removes the declaration when {@code cost} is null. */
    public synchronized void set(String interfaceName, String cost) throws IOException {
        Map<String, String> names = readNames();
        if (cost == null) {
            names.remove(interfaceName);
        } else {
            parseCost(cost);
            names.put(interfaceName, cost.trim().substring(0, 1).toUpperCase(Locale.ROOT) + cost.trim().substring(1));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), names);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
