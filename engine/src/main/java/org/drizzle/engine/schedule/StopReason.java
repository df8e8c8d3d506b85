package org.drizzle.engine.schedule;

import org.drizzle.engine.condition.RunCondition;

/** Why the scheduler asked a running transfer to stop, which decides the job's next state. */
public enum StopReason {
    /** Suspend: the API already moved the job to SUSPENDED. */
    SUSPEND,
    /** Cancel: the API already moved the job to CANCELLED. */
    CANCEL,
    /** Complete: the job returns to QUEUED until Complete commits it. */
    COMPLETE,
    /** A higher-priority job needs the background slot: back to QUEUED. */
    PREEMPTED,
    /** The round-robin time slice ended and an equal-priority job waits: back to QUEUED. */
    SLICE_END,
    /** A RunCondition blocks the job: QUEUED with a reason, or TRANSIENT_ERROR with its code. */
    BLOCKED,
    /** The job used up its MaxDownloadTime: ERROR BG_E_MAXDOWNLOAD_TIMEOUT. */
    MAX_DOWNLOAD_TIME,
    /** The engine is closing: back to QUEUED so the job resumes on the next start. */
    SHUTDOWN
}
