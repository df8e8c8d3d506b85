package org.drizzle.engine.api;

import java.time.Instant;
import org.drizzle.engine.job.JobInfo;

/** A job event: the BITS callbacks JobTransferred, JobError and JobModification. */
public record JobEvent(Kind kind, JobInfo job, Instant at) {
    public enum Kind {
        /** IBackgroundCopyCallback::JobTransferred: the job reached TRANSFERRED. */
        TRANSFERRED,
        /** IBackgroundCopyCallback::JobError: the job reached ERROR. */
        ERROR,
        /** IBackgroundCopyCallback::JobModification: any other change (state, progress, properties). */
        MODIFICATION
    }
}
