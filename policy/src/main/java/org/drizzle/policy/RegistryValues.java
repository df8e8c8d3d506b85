package org.drizzle.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the registry holds under the BITS policy key (subkey to value name to the
 * object jna-platform's Advapi32Util returns: Integer for REG_DWORD, String, String[] for
 * REG_MULTI_SZ) to the raw path map {@link PolicyLayer#validate} takes. Values Drizzle does not
 * know are skipped, not rejected: newer Windows versions write names of their own there.
 */
public final class RegistryValues {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryValues.class);

    private RegistryValues() {
    }

    /** @param bySubkey "" for the BITS key itself, else e.g. "Throttling\WorkSchedule" */
    public static Map<String, Object> toRaw(Map<String, ? extends Map<String, Object>> bySubkey) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Map<String, Object>> sub : bySubkey.entrySet()) {
            for (Map.Entry<String, Object> value : sub.getValue().entrySet()) {
                String path = sub.getKey().isEmpty() ? value.getKey() : sub.getKey() + "\\" + value.getKey();
                PolicyKey key = PolicySchema.find(path);
                if (key == null) {
                    LOG.debug("Ignoring registry value {} (not a Drizzle policy value)", path);
                    continue;
                }
                out.put(key.path(), value.getValue());
            }
        }
        return out;
    }
}
