package org.drizzle.engine.job;

import java.time.Duration;

/**
 * The Group Policy job limits the engine enforces (bits-reference.md §4), with BITS'
 * "not configured" defaults. Admins and service accounts are exempt from the job counts.
 *
 * @param maxDownloadTime policy MaxDownloadTime; a job's own value wins when set
 * @param startSpread     policy Drizzle\StartSpreadSeconds for background jobs that set none (0 = none)
 */
public record JobLimits(long maxJobsPerUser, long maxJobsPerMachine, long maxFilesPerJob,
                        long maxRangesPerFile, Duration jobInactivityTimeout, Duration maxDownloadTime,
                        long startSpread) {

    public JobLimits(long maxJobsPerUser, long maxJobsPerMachine, long maxFilesPerJob,
                     long maxRangesPerFile, Duration jobInactivityTimeout, Duration maxDownloadTime) {
        this(maxJobsPerUser, maxJobsPerMachine, maxFilesPerJob, maxRangesPerFile, jobInactivityTimeout, maxDownloadTime, 0);
    }

    public static final JobLimits DEFAULTS = new JobLimits(60, 300, 200, 500,
            Duration.ofDays(90), Duration.ofSeconds(7_776_000));
}
