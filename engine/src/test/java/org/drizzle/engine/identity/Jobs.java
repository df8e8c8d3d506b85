package org.drizzle.engine.identity;

import java.time.Instant;
import java.util.List;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.NotifyFlags;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.policy.Priority;

/** JobInfo snapshots for tests of parts that only read them (conditions, notify, system log). */
public final class Jobs {
    private Jobs() {
    }

    public static JobInfo ownedBy(Owner owner) {
        return job(JobId.random(), owner, JobState.QUEUED, NotifyFlags.DEFAULT, List.of());
    }

    public static JobInfo job(JobId id, Owner owner, JobState state, int notifyFlags, List<String> notifyCmdLine) {
        Instant now = Instant.now();
        return new JobInfo(id, "test", "", JobType.DOWNLOAD, Priority.NORMAL, state, owner, List.of(),
                new JobProgress(10, 10, 1, 1), now, now, null, null, 0, 5, 1_209_600, 7_776_000,
                notifyFlags, notifyCmdLine, ProxyUsage.SYSTEM_DEFAULT, List.of(), List.of(), List.of(), List.of(), false,
                0, 0, false, null, 0, null, null, null, null, 0, null);
    }
}
