package org.drizzle.engine.bandwidth;

import org.drizzle.engine.job.JobId;

/**
 * How much bandwidth a background job may use now regardless of policy: the idle-bandwidth
 * estimate for the link to its server. The {@link Governor} paces a background job at
 * min(policy limit, allowance). Called on every metered chunk, under the governor's lock:
 * implementations must be cheap, non-blocking and take no locks of the engine.
 */
public interface AllowanceSource {
    /** No idle-bandwidth estimate: only policy limits apply. */
    AllowanceSource UNLIMITED = job -> Long.MAX_VALUE;

    /** Bytes per second {@code job} may use now; {@code Long.MAX_VALUE} for no cap, never 0. */
    long allowance(JobId job);
}
