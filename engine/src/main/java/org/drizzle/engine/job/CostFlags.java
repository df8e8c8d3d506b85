package org.drizzle.engine.job;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code BITS_COST_STATE_*} bits and the named TransferPolicy masks (bits-reference.md §5).
 * A job may run only while the current network's cost bit is in its TransferPolicy mask.
 */
public final class CostFlags {
    public static final int UNRESTRICTED = 0x1;
    public static final int CAPPED_USAGE_UNKNOWN = 0x2;
    public static final int BELOW_CAP = 0x4;
    public static final int NEAR_CAP = 0x8;
    public static final int OVERCAP_CHARGED = 0x10;
    public static final int OVERCAP_THROTTLED = 0x20;
    public static final int USAGE_BASED = 0x40;
    public static final int ROAMING = 0x80;
    public static final int RESERVED = 0x40000000;
    public static final int IGNORE_CONGESTION = 0x80000000;

    public static final int ALWAYS = 0x800000FF;
    public static final int NOT_ROAMING = 0x8000007F;
    public static final int NO_SURCHARGE = 0x8000006F;
    public static final int STANDARD = 0x80000067;
    public static final int POLICY_UNRESTRICTED = 0x80000021;

    /** PowerShell CostStates names, in the order Get-Help lists them. */
    private static final Map<String, Integer> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("None", 0);
        NAMES.put("Unrestricted", UNRESTRICTED);
        NAMES.put("Capped", CAPPED_USAGE_UNKNOWN);
        NAMES.put("BelowCap", BELOW_CAP);
        NAMES.put("NearCap", NEAR_CAP);
        NAMES.put("OverCapCharged", OVERCAP_CHARGED);
        NAMES.put("OverCapThrottled", OVERCAP_THROTTLED);
        NAMES.put("UsageBased", USAGE_BASED);
        NAMES.put("Roaming", ROAMING);
        NAMES.put("IgnoreCongestion", IGNORE_CONGESTION);
        NAMES.put("PolicyUnrestricted", POLICY_UNRESTRICTED);
        NAMES.put("Standard", STANDARD);
        NAMES.put("NoSurcharge", NO_SURCHARGE);
        NAMES.put("NotRoaming", NOT_ROAMING);
        NAMES.put("Always", ALWAYS);
    }

    private CostFlags() {
    }

    /** The PowerShell names accepted by -TransferPolicy. */
    public static Map<String, Integer> names() {
        return java.util.Collections.unmodifiableMap(NAMES);
    }

    /** Whether a job with policy {@code mask} may transfer on a network whose cost is {@code costBit}. */
    public static boolean allows(int mask, int costBit) {
        return (mask & costBit) != 0;
    }

    /**
     * Parses one name, a comma-separated list of names (summed, as PowerShell's flags enums),
     * or a number (decimal or 0x hex).
     */
    public static int parse(String text) {
        int mask = 0;
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Integer named = null;
            for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
                if (e.getKey().equalsIgnoreCase(p)) {
                    named = e.getValue();
                }
            }
            if (named == null) {
                try {
                    named = p.toLowerCase(Locale.ROOT).startsWith("0x")
                            ? (int) Long.parseLong(p.substring(2), 16) : (int) Long.parseLong(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + p + "' is not a valid TransferPolicy; valid values are: "
                            + String.join(", ", NAMES.keySet()));
                }
            }
            mask |= named;
        }
        return mask;
    }

    /** The best PowerShell name for a mask: an exact named value, else the list of set bits. */
    public static String format(int mask) {
        for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
            if (e.getValue() == mask) {
                return e.getKey();
            }
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
            int bit = e.getValue();
            if (Integer.bitCount(bit) == 1 && (mask & bit) != 0) {
                out.append(out.length() == 0 ? "" : ", ").append(e.getKey());
            }
        }
        return out.length() == 0 ? "None" : out.toString();
    }
}
