package org.drizzle.engine.job;

/**
 * What moves a job between {@link JobState}s: the rows of the life-cycle table in
 * bits-reference.md §3.2 (and docs/job-model.md). {@link JobState#allows} says from which
 * states each one applies; the engine's {@code JobLifecycle} has one method per trigger.
 */
public enum JobTrigger {
    /** AddFile / AddFileWithRanges: any non-final state. */
    ADD_FILE,
    /** SetProperty and friends (SetRemoteName, ReplaceRemotePrefix, TakeOwnership): any non-final state. */
    SET_PROPERTIES,
    /** Resume: non-final → QUEUED (ERROR/TRANSIENT_ERROR "fix + Resume"). */
    RESUME,
    /** Suspend: non-final → SUSPENDED (idempotent). */
    SUSPEND,
    /** The scheduler gives the job a slot: QUEUED → CONNECTING. */
    STARTED,
    /** The server answered: CONNECTING → TRANSFERRING. */
    CONNECTED,
    /** The worker stopped at a durable point (slice end, pre-emption, condition, MaxDownloadTime): active → QUEUED / TRANSIENT_ERROR / ERROR. */
    STOPPED,
    /** A transfer error: active → TRANSIENT_ERROR or ERROR (RetryPolicy decides). */
    FAILED,
    /** Every file is done: active → TRANSFERRED. */
    TRANSFERRED,
    /** Complete of a download job: non-final → ACKNOWLEDGED. */
    COMPLETE,
    /** Complete of an upload job: TRANSFERRED only → ACKNOWLEDGED. */
    COMPLETE_UPLOAD,
    /** Cancel: non-final → CANCELLED. */
    CANCEL,
    /** Idle for JobInactivityTimeout: non-final → CANCELLED. */
    EXPIRE,
    /** MinimumRetryDelay passed, or the blocking condition cleared: TRANSIENT_ERROR → QUEUED. */
    RETRY,
    /** No progress for NoProgressTimeout: TRANSIENT_ERROR → ERROR. */
    NO_PROGRESS_TIMEOUT
}
