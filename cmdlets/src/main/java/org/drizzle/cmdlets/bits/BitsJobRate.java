package org.drizzle.cmdlets.bits;

import java.util.List;
import java.util.UUID;
import org.drizzle.cmdlets.format.DefaultView;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * One running job in Get-BitsBandwidth's output: how fast it moves now and the policy limit it
 * is held to. JobId (a Guid, as on BitsJob) binds to Get-BitsTransfer -JobId, so the rows pipe on
 * to the job cmdlets.
 *
 * @param interfaceAlias the interface its bytes use; null when not known (no estimator, server not yet resolved)
 * @param rate           {@link #bytesPerSecond} as text ("195.3 KB/s")
 * @param bytesPerSecond bytes per second over the last two seconds
 * @param policyLimit    the policy limit for this job now: "None", "Blocked" or a rate
 */
public record BitsJobRate(UUID jobId, String displayName, JobType transferType, String ownerAccount,
                          Priority priority, JobState jobState, String interfaceAlias, String rate,
                          long bytesPerSecond, String policyLimit) implements DefaultView {

    @Override
    public List<String> defaultProperties() {
        return List.of("DisplayName", "OwnerAccount", "Priority", "InterfaceAlias", "Rate", "PolicyLimit");
    }

    /** How the row reads inside Get-BitsBandwidth's Jobs column: "nightly: 195.3 KB/s". */
    @Override
    public String toString() {
        return displayName + ": " + rate;
    }
}
