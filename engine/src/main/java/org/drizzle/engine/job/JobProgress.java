package org.drizzle.engine.job;

/** BG_JOB_PROGRESS: bytes and files, total and transferred. */
public record JobProgress(long bytesTotal, long bytesTransferred, int filesTotal, int filesTransferred) {
    /** BytesTotal while any file's size is not yet known (shown to scripts as UInt64.MaxValue). */
    public static final long UNKNOWN = -1;
}
