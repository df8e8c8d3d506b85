package org.drizzle.engine.job;

import java.time.Instant;
import java.util.List;
import org.drizzle.policy.Priority;

/**
 * An immutable snapshot of a job as a client may see it. Secrets are left out: credentials
 * show only as "Target/Scheme user" strings, and custom headers are null once write-only.
 *
 * @param blockedReason why a QUEUED/TRANSIENT_ERROR job is not moving (owner not logged on,
 *                      policy window, network cost, network down), or null
 * @param currentRate   bytes per second over the last two seconds while transferring, else 0
 * @param nextRetryTime when a TRANSIENT_ERROR job is queued again (the retry delay, or a server's
 *                      Retry-After), or null
 */
public record JobInfo(
        JobId id, String displayName, String description, JobType type, Priority priority,
        JobState state, Owner owner, List<JobFileInfo> files, JobProgress progress,
        Instant creationTime, Instant modificationTime, Instant transferCompletionTime,
        JobError error, int errorCount,
        long minimumRetryDelay, long noProgressTimeout, long maxDownloadTime,
        int notifyFlags, List<String> notifyCmdLine,
        ProxyUsage proxyUsage, List<String> proxyList, List<String> proxyBypass,
        List<String> credentials, List<String> customHeaders, boolean customHeadersWriteOnly,
        int securityFlags, int transferPolicy, boolean dynamic, String httpMethod, int aclFlags,
        String clientCertificate, String replyFileName, JobProgress replyProgress,
        String blockedReason, long currentRate, Instant nextRetryTime) {
}
