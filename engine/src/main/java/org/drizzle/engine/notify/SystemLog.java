package org.drizzle.engine.notify;

import org.drizzle.engine.job.JobInfo;

/** Where job events go for administrators: journald/syslog on Linux, the Event Log on Windows. */
public interface SystemLog extends AutoCloseable {
    /** Drops everything (embedded engines and tests that do not care). */
    SystemLog NONE = (event, job, message) -> { };

    /** Writes one entry; {@code job} may be null (access refusals are about a caller, not a job). */
    void record(SystemEvent event, JobInfo job, String message);

    @Override
    default void close() {
    }
}
