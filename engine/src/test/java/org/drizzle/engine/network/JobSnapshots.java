package org.drizzle.engine.network;

import java.time.Instant;
import java.util.List;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.policy.Priority;

/** Job snapshots in the shapes the bandwidth tests need. */
public final class JobSnapshots {
    private JobSnapshots() {
    }

    /** A queued NORMAL download of one file from {@code remote}. */
    public static JobInfo job(String remote) {
        List<JobFileInfo> files = List.of(new JobFileInfo(remote, "/tmp/x", JobProgress.UNKNOWN, 0, false, List.of(), null));
        return new JobInfo(JobId.random(), "n", "", JobType.DOWNLOAD, Priority.NORMAL, JobState.QUEUED,
                null, files, null, Instant.EPOCH, Instant.EPOCH, null, null, 0, 600, 1_209_600, 0, 0, null,
                ProxyUsage.SYSTEM_DEFAULT, List.of(), List.of(), List.of(), null, false, 0, 0, false, "GET", 0,
                null, null, null, null, 0, null);
    }

    /** The same job with another type and state. */
    public static JobInfo with(JobInfo j, JobType type, JobState state) {
        return new JobInfo(j.id(), j.displayName(), j.description(), type, j.priority(), state,
                j.owner(), j.files(), j.progress(), j.creationTime(), j.modificationTime(), j.transferCompletionTime(),
                j.error(), j.errorCount(), j.minimumRetryDelay(), j.noProgressTimeout(), j.maxDownloadTime(),
                j.notifyFlags(), j.notifyCmdLine(), j.proxyUsage(), j.proxyList(), j.proxyBypass(), j.credentials(),
                j.customHeaders(), j.customHeadersWriteOnly(), j.securityFlags(), j.transferPolicy(), j.dynamic(),
                j.httpMethod(), j.aclFlags(), j.clientCertificate(), j.replyFileName(), j.replyProgress(),
                j.blockedReason(), j.currentRate(), j.nextRetryTime());
    }
}
