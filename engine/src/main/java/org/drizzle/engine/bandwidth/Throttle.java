package org.drizzle.engine.bandwidth;

import java.util.function.BooleanSupplier;
import org.drizzle.engine.job.JobId;
import org.drizzle.policy.Priority;

/**
 * Meters a job's bytes before they move (the bandwidth governor). Foreground jobs pass
 * straight through; background jobs wait for tokens at the rate in force for their priority.
 * Implemented by {@code Governor}; {@link #UNLIMITED} when no policy applies.
 */
public interface Throttle {
    Throttle UNLIMITED = (job, priority, bytes) -> { };

    /** Blocks until {@code bytes} may be transferred for {@code job}. */
    void acquire(JobId job, Priority priority, int bytes) throws InterruptedException;

    /**
     * As {@link #acquire(JobId, Priority, int)}, but gives up (returning without granting) soon
     * after {@code stopping} turns true, so a transfer parked by a long wait, such as a
     * zero-bandwidth policy window, can stop; callers check their stop flag after it returns.
     */
    default void acquire(JobId job, Priority priority, int bytes, BooleanSupplier stopping) throws InterruptedException {
        acquire(job, priority, bytes);
    }

    /**
     * Whether this throttle holds {@code job} below line rate now (a policy limit, a zero-limit
     * window, an idle allowance). A download connection opened for such a job gets a bounded
     * receive buffer, so the server sends no faster than the paced reads.
     */
    default boolean limits(JobId job, Priority priority) {
        return false;
    }

    /** Reads/writes larger than this defeat the pacing; transports size their buffers by it. */
    default int preferredChunk(Priority priority) {
        return 64 * 1024;
    }
}
