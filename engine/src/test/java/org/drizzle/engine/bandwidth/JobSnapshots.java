package org.drizzle.engine.bandwidth;

import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;

/** Job snapshots in the shapes the bandwidth tests need. */
final class JobSnapshots {
    private JobSnapshots() {
    }

    /** The same job with another type and state. */
    static JobInfo with(JobInfo j, JobType type, JobState state) {
        return new JobInfo(j.id(), j.displayName(), j.description(), type, j.priority(), state,
                j.owner(), j.files(), j.progress(), j.creationTime(), j.modificationTime(), j.transferCompletionTime(),
                j.error(), j.errorCount(), j.minimumRetryDelay(), j.noProgressTimeout(), j.maxDownloadTime(),
                j.notifyFlags(), j.notifyCmdLine(), j.proxyUsage(), j.proxyList(), j.proxyBypass(), j.credentials(),
                j.customHeaders(), j.customHeadersWriteOnly(), j.securityFlags(), j.transferPolicy(), j.dynamic(),
                j.httpMethod(), j.aclFlags(), j.clientCertificate(), j.replyFileName(), j.replyProgress(),
                j.blockedReason(), j.currentRate(), j.nextRetryTime());
    }
}
