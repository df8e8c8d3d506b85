package org.drizzle.engine.network.cost;

import java.util.function.Supplier;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.network.NetworkRunCondition;
import org.drizzle.policy.PolicySnapshot;

/**
 * BITS 5.0's costed-network rule as a scheduler condition: a job runs only while the cost bit
 * of the network routing to its server is in its TransferPolicy mask: the job's own mask,
 * else the policy's TransferPolicy for its priority, else Always. Otherwise it waits in
 * TRANSIENT_ERROR with BG_E_BLOCKED_BY_COST_TRANSFER_POLICY and resumes by itself when the
 * monitor reports a change. A job mask of 0 means "not set" (a None mask could never run).
 */
public final class CostRunCondition implements RunCondition {
    private final NetworkCostMonitor monitor;
    private final Supplier<PolicySnapshot> policy;

    /** @param policy the policy in force (its TransferPolicy per priority) */
    public CostRunCondition(NetworkCostMonitor monitor, Supplier<PolicySnapshot> policy) {
        this.monitor = monitor;
        this.policy = policy;
    }

    @Override
    public Blocker check(JobInfo job) {
        String host = NetworkRunCondition.serverOf(job);
        if (host == null) {
            return null;
        }
        int mask = effectiveMask(job, policy.get());
        NetworkCost cost = monitor.costFor(host);
        if (CostFlags.allows(mask, cost.costBit())) {
            return null;
        }
        return new Blocker(ErrorCodes.BG_E_BLOCKED_BY_COST_TRANSFER_POLICY,
                "The network to " + host + " costs too much for this job: " + cost.describe()
                        + ", and its TransferPolicy " + CostFlags.format(mask) + " does not allow it.", true);
    }

    /** The job's mask, else the policy's for its priority, else Always. */
    public static int effectiveMask(JobInfo job, PolicySnapshot snapshot) {
        if (job.transferPolicy() != 0) {
            return job.transferPolicy();
        }
        Integer fromPolicy = snapshot.transferPolicy(job.priority()).value();
        return fromPolicy != null ? fromPolicy : CostFlags.ALWAYS;
    }

    @Override
    public void onChange(Runnable listener) {
        monitor.onChange(listener);
    }
}
