package org.drizzle.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the merged value map into the typed schedules and transfer policies, collecting a
 * problem for every value a configured schedule needs but lacks. Values that a schedule leaves
 * out get the "not configured" meaning: a missing per-priority limit is unlimited, a limit
 * without its Type is in Kbps (the unit of the BITS 2.0 policy and the editor's first choice).
 */
final class ScheduleReader {
    private final Map<PolicyKey, Setting<Object>> values;
    private final List<String> problems = new ArrayList<>();

    ScheduleReader(Map<PolicyKey, Setting<Object>> values) {
        this.values = values;
    }

    List<String> problems() {
        return problems;
    }

    private Setting<Object> get(String path) {
        return values.get(PolicySchema.key(path));
    }

    private Long number(String path) {
        Setting<Object> s = get(path);
        return s == null ? null : (Long) s.value();
    }

    private boolean enabled(String path) {
        Long v = number(path);
        return v != null && v == 1;
    }

    /** The highest-ranked source among the values of a composite setting. */
    private PolicySource sourceOf(String... paths) {
        PolicySource best = PolicySource.DEFAULT;
        for (String path : paths) {
            Setting<Object> s = get(path);
            if (s != null && s.source().compareTo(best) > 0) {
                best = s.source();
            }
        }
        return best;
    }

    private long required(String path, String because) {
        Long v = number(path);
        if (v == null) {
            problems.add(path + " is required when " + because);
            return 0;
        }
        return v;
    }

    Setting<LegacySchedule> legacy() {
        String enable = "EnableBITSMaxBandwidth";
        if (!enabled(enable)) {
            return new Setting<>(null, sourceOf(enable));
        }
        String because = enable + " is 1";
        long on = required("MaxTransferRateOnSchedule", because);
        int from = (int) required("MaxBandwidthValidFrom", because);
        int to = (int) required("MaxBandwidthValidTo", because);
        Rate off = Rate.UNLIMITED;
        if (!enabled("UseSystemMaximum") && number("MaxTransferRateOffSchedule") != null) {
            off = Rate.ofKbps(number("MaxTransferRateOffSchedule"));
        }
        return new Setting<>(new LegacySchedule(Rate.ofKbps(on), from, to, off),
                sourceOf(enable, "MaxTransferRateOnSchedule", "MaxBandwidthValidFrom", "MaxBandwidthValidTo",
                        "UseSystemMaximum", "MaxTransferRateOffSchedule"));
    }

    Setting<ThrottleSchedule> work() {
        return schedule("Throttling\\EnableBandwidthLimits", PolicySchema.WORK, PolicySchema.NON_WORK);
    }

    Setting<ThrottleSchedule> maintenance() {
        return schedule("Throttling\\EnableMaintenanceLimits", PolicySchema.MAINTENANCE, null);
    }

    private Setting<ThrottleSchedule> schedule(String enable, String subkey, String outsideSubkey) {
        if (!enabled(enable)) {
            return new Setting<>(null, sourceOf(enable));
        }
        String because = enable + " is 1";
        WeeklyWindow window = new WeeklyWindow(
                (int) required(subkey + "\\StartDay", because), (int) required(subkey + "\\EndDay", because),
                (int) required(subkey + "\\StartHour", because), (int) required(subkey + "\\EndHour", because));
        PriorityLimits inside = limits(subkey);
        PriorityLimits outside = outsideSubkey == null ? PriorityLimits.UNLIMITED : limits(outsideSubkey);
        List<String> paths = new ArrayList<>(List.of(enable));
        for (PolicyKey key : PolicySchema.keys()) {
            if (key.path().startsWith(subkey + "\\")
                    || (outsideSubkey != null && key.path().startsWith(outsideSubkey + "\\"))) {
                paths.add(key.path());
            }
        }
        return new Setting<>(new ThrottleSchedule(window, inside, outside), sourceOf(paths.toArray(new String[0])));
    }

    private PriorityLimits limits(String subkey) {
        return new PriorityLimits(limit(subkey, Priority.HIGH), limit(subkey, Priority.NORMAL),
                limit(subkey, Priority.LOW));
    }

    /** Type 1 = Kbps, 2 = Mbps, 3 = Unlimited (the Limit is then ignored). */
    private Rate limit(String subkey, Priority priority) {
        String limitPath = subkey + "\\" + priority.displayName() + "BandwidthLimit";
        String typePath = subkey + "\\" + priority.displayName() + "BandwidthType";
        Long limit = number(limitPath);
        Long type = number(typePath);
        if (type != null && type == 3) {
            return Rate.UNLIMITED;
        }
        if (limit == null) {
            if (type != null) {
                problems.add(limitPath + " is required when " + typePath + " is " + type);
            }
            return Rate.UNLIMITED;
        }
        return type != null && type == 2 ? Rate.ofMbps(limit) : Rate.ofKbps(limit);
    }

    Setting<Integer> transferPolicy(Priority priority) {
        String named = "TransferPolicy\\" + priority.displayName() + "TransferPolicy";
        String custom = named + "Custom";
        Long mask = number(custom) != null ? number(custom) : number(named);
        return new Setting<>(mask == null ? null : (int) (long) mask, sourceOf(named, custom));
    }
}
