package org.drizzle.cmdlets.bits;

import java.util.List;
import org.drizzle.cmdlets.format.DefaultView;

/**
 * One interface in one direction in Get-BitsBandwidth's output: what the idle-bandwidth
 * estimator believes about it and what background jobs may use. Rates appear twice, as
 * readable text for the table (Capacity, OthersRate...) and as bytes per second for scripts
 * (CapacityBytesPerSecond...). InterfaceAlias binds to Set-BitsNetworkCost.
 *
 * @param direction       Receive (downloads) or Send (uploads)
 * @param capacitySource  Setting, NicSpeed, Learned or Unknown
 * @param othersRate      everyone else's traffic on the interface
 * @param drizzleRate     Drizzle's own background traffic on it
 * @param allowance       what background jobs may use now (the governor paces at min(policy, allowance))
 * @param policyLimit     the policy limit for background jobs: "None", "Blocked", a rate, or one per priority
 * @param policyRule      the policy rule that sets it ("Work schedule", "Not configured"...)
 * @param queueDelay      milliseconds of queueing delay on our connections above their base, null when unmeasured
 * @param jobs            the running jobs whose bytes use this interface in this direction
 */
public record BitsBandwidth(String interfaceAlias, String direction, String capacity, String capacitySource,
                            String othersRate, String drizzleRate, String allowance, String policyLimit, String policyRule,
                            Double queueDelay, long capacityBytesPerSecond, long othersBytesPerSecond,
                            long drizzleBytesPerSecond, long allowanceBytesPerSecond, List<BitsJobRate> jobs)
        implements DefaultView {

    @Override
    public List<String> defaultProperties() {
        return List.of("InterfaceAlias", "Direction", "Capacity", "OthersRate", "Allowance", "PolicyLimit", "Jobs");
    }
}
