package org.drizzle.policy;

/**
 * What the evaluator decided for one priority at one instant, and why.
 *
 * @param rule   the rule that set the limit: "Foreground", "Maintenance schedule",
 *               "Work schedule", "Non-work schedule", "BITS 2.0 schedule",
 *               "BITS 2.0 off-schedule", "LAN exemption" or "Not configured"
 * @param reason a sentence for Test-BitsPolicy and a blocked job's BlockedReason
 */
public record BandwidthDecision(Rate rate, String rule, String reason) {

    public boolean isBlocked() {
        return rate.isBlocked();
    }
}
