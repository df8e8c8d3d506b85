package org.drizzle.engine.grouppolicy;

import java.util.List;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.network.cost.CostRunCondition;
import org.drizzle.policy.PolicyFileSource;
import org.drizzle.policy.PolicyRejectedException;
import org.drizzle.policy.PolicySnapshot;

/** The TransferPolicy Get-BitsTransfer shows for a job, with the machine policy file filling in an unset one. */
public final class ShownTransferPolicy {
    private ShownTransferPolicy() {
    }

    /**
     * What a job's TransferPolicy shows (BITS: "job priority + group policy" when not set): its
     * own mask, else the policy file's for its priority, else Always. The file is read on each
     * call (one small read, only when the property is shown); a rejected file counts as absent.
     */
    public static int of(JobInfo job) {
        if (job.transferPolicy() != 0) {
            return job.transferPolicy();
        }
        try {
            PolicySnapshot file = PolicySnapshot.of(List.of(new PolicyFileSource(PolicyLocations.policyFile()).load()));
            return CostRunCondition.effectiveMask(job, file);
        } catch (PolicyRejectedException e) {
            return CostFlags.ALWAYS;
        }
    }
}
