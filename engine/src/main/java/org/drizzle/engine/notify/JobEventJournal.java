package org.drizzle.engine.notify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;

/**
 * Turns the engine's event stream into system-log entries: job created, resumed, transferred,
 * error (with its HRESULT), cancelled, completed, ownership taken. It remembers each job's last
 * state and owner to tell these apart from plain progress.
 */
public final class JobEventJournal implements JobListener {
    private record Seen(JobState state, long ownerUid) {
    }

    private final SystemLog log;
    private final Map<JobId, Seen> seen = new ConcurrentHashMap<>();

    public JobEventJournal(SystemLog log) {
        this.log = log;
    }

    @Override
    public void onEvent(JobEvent event) {
        JobInfo job = event.job();
        JobState state = job.state();
        Seen before = seen.put(job.id(), new Seen(state, job.owner().uid()));
        if (state.isFinal()) {
            seen.remove(job.id());
        }
        if (before == null) {
            if (state == JobState.SUSPENDED) {
                log.record(SystemEvent.JOB_CREATED, job, "created (" + job.type() + ", " + job.priority() + ")");
                return;
            }
            before = new Seen(null, job.owner().uid());
        }
        if (before.ownerUid() != job.owner().uid()) {
            log.record(SystemEvent.OWNERSHIP_TAKEN, job, "ownership taken; credentials, custom headers and notify command line removed");
        }
        if (before.state() == state) {
            return;
        }
        switch (state) {
            case QUEUED, CONNECTING, TRANSFERRING -> {
                if (before.state() == JobState.SUSPENDED || before.state() == JobState.ERROR) {
                    log.record(SystemEvent.JOB_RESUMED, job, "resumed");
                }
            }
            case TRANSFERRED -> log.record(SystemEvent.JOB_TRANSFERRED, job, "transferred "
                    + job.progress().bytesTransferred() + " bytes in " + job.progress().filesTotal() + " file(s)");
            case ERROR -> log.record(SystemEvent.JOB_ERROR, job, job.error() == null ? "error"
                    : "error " + ErrorCodes.hex(job.error().code()) + ": " + job.error());
            case CANCELLED -> log.record(SystemEvent.JOB_CANCELLED, job, "cancelled");
            case ACKNOWLEDGED -> log.record(SystemEvent.JOB_COMPLETED, job, "completed");
            default -> { }
        }
    }
}
