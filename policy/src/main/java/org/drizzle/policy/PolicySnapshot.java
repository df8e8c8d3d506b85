package org.drizzle.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective policy: every setting of bits-reference.md §4 as one immutable, typed model,
 * each value carrying the source that set it. Built by layering sources (later wins per value)
 * over the "not configured" behaviour; a combination that cannot be enforced (a schedule
 * enabled without its hours) is rejected, naming the missing key.
 */
public final class PolicySnapshot {
    /** Nothing configured anywhere: BITS' behaviour with no Group Policy. */
    public static final PolicySnapshot NOT_CONFIGURED = notConfigured();

    private final Map<PolicyKey, Setting<Object>> values;
    private final Setting<LegacySchedule> legacySchedule;
    private final Setting<ThrottleSchedule> workSchedule;
    private final Setting<ThrottleSchedule> maintenanceSchedule;
    private final Map<Priority, Setting<Integer>> transferPolicies = new EnumMap<>(Priority.class);

    private PolicySnapshot(Map<PolicyKey, Setting<Object>> values, String origin)
            throws PolicyRejectedException {
        this.values = Collections.unmodifiableMap(values);
        ScheduleReader reader = new ScheduleReader(values);
        this.legacySchedule = reader.legacy();
        this.workSchedule = reader.work();
        this.maintenanceSchedule = reader.maintenance();
        for (Priority p : Priority.values()) {
            transferPolicies.put(p, reader.transferPolicy(p));
        }
        if (!reader.problems().isEmpty()) {
            throw new PolicyRejectedException(origin, reader.problems());
        }
    }

    /**
     * Layers {@code layers} in order (later wins per value) and checks the result.
     *
     * @throws PolicyRejectedException naming the missing or inconsistent keys; the message
     *                                 names the last layer, the one whose change broke it
     */
    public static PolicySnapshot of(List<PolicyLayer> layers) throws PolicyRejectedException {
        Map<PolicyKey, Setting<Object>> merged = new LinkedHashMap<>();
        for (PolicyLayer layer : layers) {
            for (Map.Entry<PolicyKey, Object> e : layer.values().entrySet()) {
                merged.put(e.getKey(), new Setting<>(e.getValue(), layer.source()));
            }
        }
        String origin = layers.isEmpty() ? "defaults" : layers.get(layers.size() - 1).origin();
        return new PolicySnapshot(merged, origin);
    }

    private static PolicySnapshot notConfigured() {
        try {
            return of(List.of());
        } catch (PolicyRejectedException e) {
            throw new IllegalStateException("the built-in defaults must be valid", e);
        }
    }

    /** The configured value of {@code key} (Long, String or List), or null with source DEFAULT. */
    public Setting<Object> value(PolicyKey key) {
        Setting<Object> s = values.get(key);
        return s != null ? s : new Setting<>(null, PolicySource.DEFAULT);
    }

    /** Every configured value, in schema order, for Get-BitsPolicy. */
    public Map<PolicyKey, Setting<Object>> configured() {
        Map<PolicyKey, Setting<Object>> out = new LinkedHashMap<>();
        for (PolicyKey key : PolicySchema.keys()) {
            if (values.containsKey(key)) {
                out.put(key, values.get(key));
            }
        }
        return out;
    }

    private Setting<Long> number(String path, long notConfigured) {
        Setting<Object> s = value(PolicySchema.key(path));
        return s.value() == null ? new Setting<>(notConfigured, PolicySource.DEFAULT)
                : new Setting<>((Long) s.value(), s.source());
    }

    /** JobInactivityTimeout: 90 days when not configured. */
    public Setting<Duration> jobInactivityTimeout() {
        Setting<Long> days = number("JobInactivityTimeout", 90);
        return new Setting<>(Duration.ofDays(days.value()), days.source());
    }

    /** MaxDownloadTime: 7,776,000 s (90 days) when not configured (the editor pre-fills 54,000). */
    public Setting<Duration> maxDownloadTime() {
        Setting<Long> s = number("MaxDownloadTime", 7_776_000);
        return new Setting<>(Duration.ofSeconds(s.value()), s.source());
    }

    public Setting<Long> maxJobsPerMachine() {
        return number("MaxJobsPerMachine", 300);
    }

    public Setting<Long> maxJobsPerUser() {
        return number("MaxJobsPerUser", 60);
    }

    public Setting<Long> maxFilesPerJob() {
        return number("MaxFilesPerJob", 200);
    }

    public Setting<Long> maxRangesPerFile() {
        return number("MaxRangesPerFile", 500);
    }

    /** The BITS 2.0 schedule, value null when EnableBITSMaxBandwidth is not 1. */
    public Setting<LegacySchedule> legacySchedule() {
        return legacySchedule;
    }

    /** The work/non-work schedule, value null unless Throttling\EnableBandwidthLimits is 1. */
    public Setting<ThrottleSchedule> workSchedule() {
        return workSchedule;
    }

    /** The maintenance schedule, value null unless Throttling\EnableMaintenanceLimits is 1. */
    public Setting<ThrottleSchedule> maintenanceSchedule() {
        return maintenanceSchedule;
    }

    /** Throttling\IgnoreBandwidthLimitsOnLan. */
    public boolean ignoreLimitsOnLan() {
        return number("Throttling\\IgnoreBandwidthLimitsOnLan", 0).value() == 1;
    }

    /**
     * The TransferPolicy mask policy gives jobs of {@code priority} that set none themselves
     * (the Custom value wins over the named one); value null when not configured, meaning Always.
     */
    public Setting<Integer> transferPolicy(Priority priority) {
        return transferPolicies.get(priority);
    }

    /** Interfaces the policy declares metered (Drizzle\MeteredInterfaces). */
    public List<String> meteredInterfaces() {
        return strings("Drizzle\\MeteredInterfaces");
    }

    /** Interfaces the policy declares roaming (Drizzle\RoamingInterfaces). */
    public List<String> roamingInterfaces() {
        return strings("Drizzle\\RoamingInterfaces");
    }

    /** Drizzle\FleetPolicyUrl, or null. */
    /** Drizzle\StartSpreadSeconds: 0 (no spread) when not configured. */
    public Setting<Long> startSpread() {
        return number("Drizzle\\StartSpreadSeconds", 0);
    }

    public String fleetPolicyUrl() {
        return (String) value(PolicySchema.key("Drizzle\\FleetPolicyUrl")).value();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String path) {
        Object v = value(PolicySchema.key(path)).value();
        return v == null ? List.of() : new ArrayList<>((List<String>) v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicySnapshot && ((PolicySnapshot) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "PolicySnapshot" + configured();
    }
}
