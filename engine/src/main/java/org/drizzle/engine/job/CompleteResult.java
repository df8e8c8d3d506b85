package org.drizzle.engine.job;

/** What Complete did: S_OK, BG_S_PARTIAL_COMPLETE or BG_S_UNABLE_TO_DELETE_FILES, and the job after. */
public record CompleteResult(int status, JobInfo job) {
}
