package org.drizzle.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every value Drizzle reads under the BITS policy key, with the ranges of the BITS ADMX
 * (bits-reference.md §4). Lookup ignores case, as the registry does; the {@code Drizzle\}
 * subkey holds the few settings BITS has no name for (declared metered/roaming interfaces).
 */
public final class PolicySchema {
    /** Largest rate and count the ADMX accepts. */
    public static final long MAX_RATE = 4_294_967_200L;
    public static final long DWORD_MAX = 0xFFFF_FFFFL;

    public static final String WORK = "Throttling\\WorkSchedule";
    public static final String NON_WORK = "Throttling\\NonWorkSchedule";
    public static final String MAINTENANCE = "Throttling\\MaintenanceSchedule";

    private static final Map<String, PolicyKey> KEYS = new LinkedHashMap<>();

    static {
        dword("JobInactivityTimeout", 1, 999, "days", "Idle jobs are cancelled and their files deleted after this long");
        dword("MaxDownloadTime", 1, 2_147_483_648L, "seconds", "Longest a job may spend Connecting/Transferring before Error");
        dword("EnableBITSMaxBandwidth", 0, 1, "", "Enables the BITS 2.0 daily bandwidth schedule");
        dword("MaxTransferRateOnSchedule", 0, MAX_RATE, "Kbps", "Background limit inside the BITS 2.0 schedule");
        dword("MaxBandwidthValidFrom", 0, 23, "hour", "Start hour of the BITS 2.0 schedule");
        dword("MaxBandwidthValidTo", 0, 23, "hour", "End hour (exclusive) of the BITS 2.0 schedule");
        dword("UseSystemMaximum", 0, 1, "", "Outside the BITS 2.0 schedule, use all available bandwidth");
        dword("MaxTransferRateOffSchedule", 0, MAX_RATE, "Kbps", "Background limit outside the BITS 2.0 schedule");
        dword("Throttling\\EnableBandwidthLimits", 0, 1, "", "Enables the work/non-work schedule limits");
        dword("Throttling\\IgnoreBandwidthLimitsOnLan", 0, 1, "", "Work/non-work and maintenance limits do not apply to LAN servers");
        dword("Throttling\\EnableMaintenanceLimits", 0, 1, "", "Enables the maintenance schedule, which supersedes work limits");
        for (String schedule : List.of(WORK, MAINTENANCE)) {
            dword(schedule + "\\StartDay", 0, 6, "day (0=Sunday)", "First day of the schedule");
            dword(schedule + "\\EndDay", 0, 6, "day (0=Sunday)", "Last day of the schedule (inclusive)");
            dword(schedule + "\\StartHour", 0, 23, "hour", "Start hour of the schedule");
            dword(schedule + "\\EndHour", 0, 23, "hour", "End hour (exclusive) of the schedule");
        }
        for (String schedule : List.of(WORK, NON_WORK, MAINTENANCE)) {
            for (Priority p : List.of(Priority.HIGH, Priority.NORMAL, Priority.LOW)) {
                dword(schedule + "\\" + p.displayName() + "BandwidthLimit", 0, MAX_RATE, "",
                        p.displayName() + "-priority limit, in the unit its Type names");
                dword(schedule + "\\" + p.displayName() + "BandwidthType", 1, 3, "(1 Kbps, 2 Mbps, 3 Unlimited)",
                        "Unit of " + p.displayName() + "BandwidthLimit");
            }
        }
        for (Priority p : Priority.values()) {
            dword("TransferPolicy\\" + p.displayName() + "TransferPolicy", 0, DWORD_MAX, "cost mask",
                    "Default TransferPolicy of " + p.displayName() + "-priority jobs");
            dword("TransferPolicy\\" + p.displayName() + "TransferPolicyCustom", 0, 2_147_483_647L, "cost mask",
                    "Custom TransferPolicy of " + p.displayName() + "-priority jobs (wins over the named one)");
        }
        dword("MaxJobsPerMachine", 0, MAX_RATE, "jobs", "Jobs all non-admin users together may own");
        dword("MaxJobsPerUser", 0, MAX_RATE, "jobs", "Jobs one non-admin user may own");
        dword("MaxFilesPerJob", 0, MAX_RATE, "files", "Files one job may hold");
        dword("MaxRangesPerFile", 0, MAX_RATE, "ranges", "Byte ranges one file may request");
        dword("EnablePeercaching", 0, 1, "", "Master switch for the peer caching policies (reported only)");
        dword("DisablePeerCachingClient", 0, 1, "", "Do not download from peers (reported only)");
        dword("DisablePeerCachingServer", 0, 1, "", "Do not serve peers (reported only)");
        dword("MaxCacheSize", 1, 80, "% of disk", "Peer cache size (reported only)");
        dword("MaxContentAge", 1, 120, "days", "Peer cache content age (reported only)");
        dword("MaxBandwidthServed", 1_048_576, MAX_RATE, "bps", "Bandwidth served to peers (reported only)");
        dword("DisableBranchCache", 0, 1, "", "Do not use BranchCache (reported only)");
        add(new PolicyKey("Drizzle\\MeteredInterfaces", ValueKind.MULTI_STRING, 0, 0, "",
                "Interfaces declared metered (cost NearCap)"));
        add(new PolicyKey("Drizzle\\RoamingInterfaces", ValueKind.MULTI_STRING, 0, 0, "",
                "Interfaces declared roaming (cost Roaming)"));
        dword("Drizzle\\StartSpreadSeconds", 0, 86_400, "seconds",
                "Spread the first start of background jobs that set no StartSpread over 0..this many seconds");
        add(new PolicyKey("Drizzle\\FleetPolicyUrl", ValueKind.STRING, 0, 0, "",
                "HTTPS URL of the fleet policy, layered over the file and registry (read at start-up)"));
    }

    private PolicySchema() {
    }

    private static void dword(String path, long min, long max, String unit, String description) {
        add(new PolicyKey(path, ValueKind.DWORD, min, max, unit, description));
    }

    private static void add(PolicyKey key) {
        KEYS.put(key.path().toLowerCase(Locale.ROOT), key);
    }

    /** The key spelled {@code path} (any case), or null if Drizzle does not know it. */
    public static PolicyKey find(String path) {
        return KEYS.get(path.toLowerCase(Locale.ROOT));
    }

    /** The key at {@code path}; for code that names keys itself. */
    public static PolicyKey key(String path) {
        PolicyKey key = find(path);
        if (key == null) {
            throw new IllegalArgumentException("no policy value " + path);
        }
        return key;
    }

    /** Every key, in the order Get-BitsPolicy lists them. */
    public static List<PolicyKey> keys() {
        return Collections.unmodifiableList(new ArrayList<>(KEYS.values()));
    }

    /** The subkeys (relative to the BITS key) that hold values, for the registry reader. */
    public static List<String> subkeys() {
        List<String> out = new ArrayList<>();
        for (PolicyKey key : KEYS.values()) {
            int slash = key.path().lastIndexOf('\\');
            String sub = slash < 0 ? "" : key.path().substring(0, slash);
            if (!out.contains(sub)) {
                out.add(sub);
            }
        }
        return out;
    }
}
