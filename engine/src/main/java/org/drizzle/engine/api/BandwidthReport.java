package org.drizzle.engine.api;

import java.time.Instant;
import java.util.List;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * A read-only picture of the engine's bandwidth now, what Get-BitsBandwidth shows: what the
 * idle-bandwidth estimator believes about each interface it watches, the policy limits in
 * force, and the current rate of each running job the caller may see. Rates are bytes per
 * second; a null limit means none applies.
 *
 * @param at         when the picture was taken
 * @param estimating whether the idle-bandwidth estimator runs (off: no interfaces, policy limits only)
 * @param interfaces one entry per watched interface and direction, by name, receive first
 * @param limits     the policy limit for each background priority off the LAN (empty with no policy)
 * @param jobs       the running (connecting or transferring) jobs the caller may see
 */
public record BandwidthReport(Instant at, boolean estimating, List<Link> interfaces, List<Limit> limits,
                              List<JobRate> jobs) {

    public BandwidthReport {
        interfaces = List.copyOf(interfaces);
        limits = List.copyOf(limits);
        jobs = List.copyOf(jobs);
    }

    /**
     * One interface in one direction, as the estimator sees it. An interface is watched while a
     * background job transfers over it and for a minute after.
     *
     * @param name             the interface ("eth0"; the index on Windows)
     * @param upload           false for the receive direction (downloads), true for sending
     * @param capacity         the link capacity in use, 0 while unknown
     * @param capacitySource   where the capacity comes from
     * @param others           everyone else's traffic, over the last 300 ms
     * @param own              Drizzle's own background traffic, over the same window
     * @param allowance        what background jobs may use now
     * @param queueDelayMicros queueing delay on our connections above their base RTT, -1 when unmeasured
     */
    public record Link(String name, boolean upload, long capacity, CapacitySource capacitySource, long others,
                       long own, long allowance, long queueDelayMicros) {
    }

    /**
     * The policy limit for background jobs of one priority.
     *
     * @param limit null when unlimited, 0 when a zero-bandwidth window blocks them
     * @param rule  the policy rule that set it ("Work schedule", "Not configured"...)
     */
    public record Limit(Priority priority, Long limit, String rule) {
    }

    /**
     * One running job.
     *
     * @param type          download, upload or upload-reply (which direction of the interface it uses)
     * @param owner         the owner's account
     * @param interfaceName the interface its bytes use now, or null when unknown (no estimator, local file)
     * @param rate          bytes per second over the last two seconds
     * @param limit         the policy limit for this job now (LAN exemption applied); null when none
     */
    public record JobRate(JobId id, String displayName, JobType type, String owner, Priority priority, JobState state,
                          String interfaceName, long rate, Long limit) {
    }
}
