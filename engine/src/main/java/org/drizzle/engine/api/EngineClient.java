package org.drizzle.engine.api;

import java.util.List;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;

/**
 * The whole engine as the cmdlets see it, bound to one caller. Implemented in-process by
 * {@code LocalEngine} and over the local socket by {@code RemoteEngine}; the engine, not the
 * client, decides what the caller may do. Every refusal is a
 * {@link org.drizzle.engine.job.BitsException} carrying BITS' HRESULT, and leaves the engine
 * unchanged.
 */
public interface EngineClient extends AutoCloseable {

    /** Who the engine believes the caller is. */
    Principal caller();

    /** CreateJob: a new SUSPENDED job with no files, owned by the caller. */
    JobInfo createJob(String displayName, JobType type, JobOptions options);

    /** AddFile / AddFileWithRanges ({@code ranges} null or empty for the whole file). */
    JobInfo addFile(JobId id, String remoteName, String localName, List<ByteRange> ranges);

    /** AddFileSet: every file is checked first and all are added in one change, or none (the first bad one's error). */
    JobInfo addFileSet(JobId id, List<BgFileInfo> files);

    /** Changes the set fields of {@code changes}; all are validated before any is applied. */
    JobInfo setProperties(JobId id, JobOptions changes);

    /** IBackgroundCopyFile2::SetRemoteName for the file at {@code fileIndex}. */
    JobInfo setRemoteName(JobId id, int fileIndex, String remoteName);

    /** IBackgroundCopyJob3::ReplaceRemotePrefix. */
    JobInfo replaceRemotePrefix(JobId id, String oldPrefix, String newPrefix);

    JobInfo resume(JobId id);

    JobInfo suspend(JobId id);

    /** Commits finished files under their final names; the job becomes ACKNOWLEDGED. */
    CompleteResult complete(JobId id);

    /** Deletes temp and finished-but-uncommitted files; the job becomes CANCELLED. */
    JobInfo cancel(JobId id);

    /** Admin only: the caller becomes the owner; credentials, headers and notify command are removed. */
    JobInfo takeOwnership(JobId id);

    /** BG_E_NOT_FOUND if there is no such job visible to the caller. */
    JobInfo getJob(JobId id);

    /** The caller's jobs, or every user's with {@code allUsers} (admins only: else E_ACCESSDENIED). */
    List<JobInfo> listJobs(boolean allUsers);

    /** Upload-reply: the reply bytes (at most 1 MB, else BG_E_TOO_LARGE). */
    byte[] getReplyData(JobId id);

    /**
     * Get-BitsBandwidth: the estimator's view of each watched interface, the policy limits in
     * force, and the current rate of each running job the caller may see (every user's for an
     * admin). A Drizzle addition; an engine without the estimator reports no interfaces.
     */
    default BandwidthReport bandwidth() {
        throw new BitsException(ErrorCodes.E_NOTIMPL,
                "This engine does not report bandwidth.");
    }

    /**
     * Get-BitsPolicy: the policy this engine enforces now, and the sources it rejects now (their
     * last good values stay in force and are the ones listed). A Drizzle addition; an engine
     * without policy sources answers E_NOTIMPL.
     */
    default EffectivePolicy effectivePolicy() {
        throw new BitsException(ErrorCodes.E_NOTIMPL, "This engine enforces no Group Policy.");
    }

    /** Events for every job the caller may see. */
    Subscription subscribe(JobListener listener);

    /** Releases the client; an embedded engine stops its transfers at a durable point. */
    @Override
    void close();
}
