package org.drizzle.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers "how fast may a background job of this priority go now?" from a policy snapshot,
 * with no I/O. Schedules are in local time of {@code zone}.
 *
 * <p>Precedence, first match wins:
 * <ol>
 *   <li>Foreground jobs are never limited.</li>
 *   <li>Throttling\IgnoreBandwidthLimitsOnLan and a LAN server: the Throttling (maintenance,
 *       work and non-work) limits do not apply.</li>
 *   <li>The maintenance schedule, inside its window (it supersedes the work limits).</li>
 *   <li>The work schedule: WorkSchedule limits inside its window, NonWorkSchedule outside.</li>
 *   <li>The BITS 2.0 daily schedule: on-schedule rate inside its hours, off-schedule outside.</li>
 *   <li>Otherwise unlimited (not configured).</li>
 * </ol>
 * A zero rate means blocked: background jobs wait with BG_E_BLOCKED_BY_POLICY. All schedule
 * edges fall on whole local hours, so {@link #nextBoundaryAfter} scans hour starts.
 */
public final class PolicyEvaluator {
    private static final List<Priority> BACKGROUND = List.of(Priority.HIGH, Priority.NORMAL, Priority.LOW);
    /** Every weekly schedule repeats within 7 days; one more covers DST shifts. */
    private static final int SCAN_HOURS = 8 * 24;

    private final PolicySnapshot policy;
    private final ZoneId zone;

    public PolicyEvaluator(PolicySnapshot policy, ZoneId zone) {
        this.policy = policy;
        this.zone = zone;
    }

    public PolicySnapshot policy() {
        return policy;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The limit for a job of {@code priority} at {@code instant}; {@code onLan}: its server is on-link. */
    public BandwidthDecision limitFor(Instant instant, Priority priority, boolean onLan) {
        if (!priority.isBackground()) {
            return new BandwidthDecision(Rate.UNLIMITED, "Foreground", "Foreground jobs are not limited by policy.");
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        ThrottleSchedule maintenance = policy.maintenanceSchedule().value();
        ThrottleSchedule work = policy.workSchedule().value();
        if (onLan && policy.ignoreLimitsOnLan() && (maintenance != null || work != null)) {
            return new BandwidthDecision(Rate.UNLIMITED, "LAN exemption",
                    "Throttling\\IgnoreBandwidthLimitsOnLan is 1 and the server is on the local network.");
        }
        if (maintenance != null && maintenance.window().contains(local)) {
            return decide(maintenance.inside().forPriority(priority), "Maintenance schedule", maintenance.window(), priority);
        }
        if (work != null) {
            if (work.window().contains(local)) {
                return decide(work.inside().forPriority(priority), "Work schedule", work.window(), priority);
            }
            return decide(work.outside().forPriority(priority), "Non-work schedule", work.window(), priority);
        }
        LegacySchedule legacy = policy.legacySchedule().value();
        if (legacy != null) {
            boolean in = legacy.inSchedule(local.getHour());
            String hours = String.format(java.util.Locale.ROOT, "%02d:00-%02d:00", legacy.fromHour(), legacy.toHour());
            return in ? decide(legacy.onSchedule(), "BITS 2.0 schedule", hours, priority)
                    : decide(legacy.offSchedule(), "BITS 2.0 off-schedule", "outside " + hours, priority);
        }
        return new BandwidthDecision(Rate.UNLIMITED, "Not configured", "No bandwidth policy is configured.");
    }

    private static BandwidthDecision decide(Rate rate, String rule, Object window, Priority priority) {
        String who = priority.displayName() + "-priority background jobs";
        String reason;
        if (rate.isBlocked()) {
            reason = "Group Policy blocks " + who + " (" + rule + ", " + window + ").";
        } else if (rate.isUnlimited()) {
            reason = who + " are not limited (" + rule + ", " + window + ").";
        } else {
            reason = who + " are limited to " + rate + " (" + rule + ", " + window + ").";
        }
        return new BandwidthDecision(rate, rule, reason);
    }

    /**
     * The first instant after {@code instant} at which any background priority's decision
     * changes (on LAN or not), or null when no schedule ever changes it.
     */
    public Instant nextBoundaryAfter(Instant instant) {
        if (policy.maintenanceSchedule().value() == null && policy.workSchedule().value() == null
                && policy.legacySchedule().value() == null) {
            return null; // no schedule: the decisions never change with time (and a cold start skips the scan)
        }
        List<BandwidthDecision> now = signature(instant);
        ZonedDateTime hour = ZonedDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < SCAN_HOURS; i++) {
            hour = hour.plusHours(1);
            Instant candidate = hour.toInstant();
            if (!signature(candidate).equals(now)) {
                return candidate;
            }
        }
        return null;
    }

    private List<BandwidthDecision> signature(Instant instant) {
        List<BandwidthDecision> out = new ArrayList<>();
        for (Priority p : BACKGROUND) {
            out.add(limitFor(instant, p, false));
            out.add(limitFor(instant, p, true));
        }
        return out;
    }
}
