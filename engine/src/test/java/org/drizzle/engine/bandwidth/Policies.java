package org.drizzle.engine.bandwidth;

import java.time.ZoneOffset;
import java.util.List;
import org.drizzle.policy.JsonPolicyReader;
import org.drizzle.policy.PolicyEvaluator;
import org.drizzle.policy.PolicyRejectedException;
import org.drizzle.policy.PolicySnapshot;
import org.drizzle.policy.PolicySource;

/** Policy documents the bandwidth tests use, as an admin would write them. */
public final class Policies {
    private Policies() {
    }

    /** The BITS 2.0 schedule over the whole day (From == To) at {@code bytesPerSecond}. */
    public static String allDay(long bytesPerSecond) {
        return "{\"EnableBITSMaxBandwidth\": 1, \"MaxTransferRateOnSchedule\": " + bytesPerSecond / 125
                + ", \"MaxBandwidthValidFrom\": 0, \"MaxBandwidthValidTo\": 0}";
    }

    /** Work hours Mon-Fri 8-17 block Low-priority jobs; outside them nothing is limited. */
    public static final String LOW_BLOCKED_AT_WORK = "{\"Throttling\": {\"EnableBandwidthLimits\": 1,"
            + " \"WorkSchedule\": {\"StartDay\": 1, \"EndDay\": 5, \"StartHour\": 8, \"EndHour\": 17,"
            + " \"LowBandwidthLimit\": 0, \"LowBandwidthType\": 1}}}";

    public static PolicyEvaluator evaluator(String json) {
        try {
            return new PolicyEvaluator(PolicySnapshot.of(List.of(JsonPolicyReader.read(json, PolicySource.FILE, "test"))),
                    ZoneOffset.UTC);
        } catch (PolicyRejectedException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
