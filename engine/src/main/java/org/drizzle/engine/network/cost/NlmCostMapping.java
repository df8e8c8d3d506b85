package org.drizzle.engine.network.cost;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.job.CostFlags;

/**
 * Turns a Windows Network List Manager connection cost ({@code NLM_CONNECTION_COST}: a cost
 * level in the low 16 bits, flags in the high 16) into the one {@code BITS_COST_STATE_*} bit a
 * TransferPolicy mask is checked against (bits-reference.md §5).
 *
 * <p>Microsoft does not publish BITS' own translation, so this one follows the documented
 * meaning of each value, and when several apply it picks the state that the fewest named
 * TransferPolicies allow, so a job never runs on a network its policy would refuse:
 * <ol>
 * <li>ROAMING flag → Roaming (only Always allows it);</li>
 * <li>OVERDATALIMIT flag → OverCapThrottled when the network also reports CONGESTED ("throttled
 *     due to high traffic") on a plan that is not per-byte, else OverCapCharged (a per-byte
 *     VARIABLE plan is charged for every extra byte);</li>
 * <li>APPROACHINGDATALIMIT flag → NearCap;</li>
 * <li>level VARIABLE (billed per byte) → UsageBased;</li>
 * <li>level FIXED (capped plan, no limit flag) → BelowCap when the data plan reports both usage
 *     and a limit, else Capped (CAPPED_USAGE_UNKNOWN);</li>
 * <li>level UNRESTRICTED → Unrestricted;</li>
 * <li>UNKNOWN (0) → no answer, so declarations or the default decide.</li>
 * </ol>
 * CONGESTED on its own changes nothing here: the scheduler checks one cost bit against the mask,
 * and every named TransferPolicy carries IGNORE_CONGESTION anyway, so only a custom mask without
 * it would wait where BITS waits.
 */
final class NlmCostMapping {
    static final int UNKNOWN = 0;
    static final int UNRESTRICTED = 0x1;
    static final int FIXED = 0x2;
    static final int VARIABLE = 0x4;
    static final int OVERDATALIMIT = 0x10000;
    static final int CONGESTED = 0x20000;
    static final int ROAMING = 0x40000;
    static final int APPROACHINGDATALIMIT = 0x80000;
    /** NLM_UNKNOWN_DATAPLAN_STATUS: a data plan field nobody supplied. */
    static final int UNKNOWN_DATAPLAN_STATUS = 0xFFFFFFFF;

    private NlmCostMapping() {
    }

    /**
     * The BITS cost state bit for an NLM cost, or null when Windows does not know the cost.
     *
     * @param usageKnown whether the data plan status has usage and a limit (only consulted for
     *                   a FIXED plan with no limit flag, see {@link #needsDataPlan})
     */
    static Integer costState(int nlmCost, boolean usageKnown) {
        if ((nlmCost & ROAMING) != 0) {
            return CostFlags.ROAMING;
        }
        if ((nlmCost & OVERDATALIMIT) != 0) {
            boolean throttled = (nlmCost & CONGESTED) != 0 && (nlmCost & VARIABLE) == 0;
            return throttled ? CostFlags.OVERCAP_THROTTLED : CostFlags.OVERCAP_CHARGED;
        }
        if ((nlmCost & APPROACHINGDATALIMIT) != 0) {
            return CostFlags.NEAR_CAP;
        }
        if ((nlmCost & VARIABLE) != 0) {
            return CostFlags.USAGE_BASED;
        }
        if ((nlmCost & FIXED) != 0) {
            return usageKnown ? CostFlags.BELOW_CAP : CostFlags.CAPPED_USAGE_UNKNOWN;
        }
        if ((nlmCost & UNRESTRICTED) != 0) {
            return CostFlags.UNRESTRICTED;
        }
        return null;
    }

    /** Whether {@link #costState} needs the data plan status (a FIXED plan with nothing else to decide). */
    static boolean needsDataPlan(int nlmCost) {
        return (nlmCost & (ROAMING | OVERDATALIMIT | APPROACHINGDATALIMIT | VARIABLE)) == 0 && (nlmCost & FIXED) != 0;
    }

    /**
     * Whether NLM_DATAPLAN_STATUS says how much of a known limit is used: usage is valid only
     * with a sync time (Windows sets UsageInMegabytes to NLM_UNKNOWN_DATAPLAN_STATUS and
     * LastSyncTime to 0 when it has none), and the limit must be supplied too.
     */
    static boolean usageKnown(int usageInMegabytes, long lastSyncFileTime, int dataLimitInMegabytes) {
        return usageInMegabytes != UNKNOWN_DATAPLAN_STATUS && lastSyncFileTime != 0
                && dataLimitInMegabytes != UNKNOWN_DATAPLAN_STATUS;
    }

    /** The NLM cost as Windows names it, e.g. "Fixed, ApproachingDataLimit" (for the blocked reason). */
    static String describe(int nlmCost) {
        List<String> names = new ArrayList<>();
        String[] levelNames = {"Unrestricted", "Fixed", "Variable"};
        int[] levels = {UNRESTRICTED, FIXED, VARIABLE};
        for (int i = 0; i < levels.length; i++) {
            if ((nlmCost & levels[i]) != 0) {
                names.add(levelNames[i]);
            }
        }
        String[] flagNames = {"OverDataLimit", "Congested", "Roaming", "ApproachingDataLimit"};
        int[] flags = {OVERDATALIMIT, CONGESTED, ROAMING, APPROACHINGDATALIMIT};
        for (int i = 0; i < flags.length; i++) {
            if ((nlmCost & flags[i]) != 0) {
                names.add(flagNames[i]);
            }
        }
        return names.isEmpty() ? "Unknown" : String.join(", ", names);
    }
}
