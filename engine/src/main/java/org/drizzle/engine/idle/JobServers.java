package org.drizzle.engine.idle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.network.NetworkRunCondition;

/**
 * Which server each transferring job talks to, so the estimator can answer the governor's
 * per-job question with the estimate of the right interface. Fed by the engine's job events
 * (subscribe {@link #listener()}): a job in CONNECTING or TRANSFERRING is mapped to the host of
 * its current file, any other state forgets it.
 */
public final class JobServers {

    /** Where a job's bytes go: host and direction. */
    public record Server(String host, boolean upload) {
    }

    private final Map<JobId, Server> servers = new ConcurrentHashMap<>();

    /** The listener to subscribe to the engine's events. */
    public JobListener listener() {
        // Every event kind carries a fresh snapshot, so the kind does not matter.
        return event -> update(event.job());
    }

    /** Records the job's current server from a snapshot (what the listener does per event). */
    public void update(JobInfo job) {
        if (job == null || job.id() == null) {
            return;
        }
        String host = job.state().isActive()
                ? NetworkRunCondition.serverOf(job) : null;
        if (host == null) {
            servers.remove(job.id());
        } else {
            servers.put(job.id(), new Server(host, job.type() != JobType.DOWNLOAD));
        }
    }

    /** The job's server now, or null when it is not transferring or has no remote server. */
    public Server of(JobId job) {
        return servers.get(job);
    }

    /** Every transferring job and its server (for Get-BitsBandwidth). */
    public Map<JobId, Server> all() {
        return Map.copyOf(servers);
    }
}
