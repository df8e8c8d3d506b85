package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.identity.Jobs;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.NotifyFlags;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;

/** The system-log entries a job's life produces, and their text. */
class JobEventJournalTest {

    @Test
    void aJobsLifeBecomesOneEntryPerMilestone() {
        List<String> entries = new CopyOnWriteArrayList<>();
        JobEventJournal journal = new JobEventJournal((e, job, msg) -> entries.add(e.name()));
        JobId id = JobId.random();
        Owner alice = new Owner(1000, "alice");
        for (JobState s : List.of(JobState.SUSPENDED, JobState.QUEUED, JobState.TRANSFERRING, JobState.TRANSFERRING,
                JobState.TRANSFERRED, JobState.ACKNOWLEDGED)) {
            journal.onEvent(new JobEvent(JobEvent.Kind.MODIFICATION, Jobs.job(id, alice, s, NotifyFlags.DEFAULT, List.of()),
                    Instant.now()));
        }
        JobId other = JobId.random();
        journal.onEvent(new JobEvent(JobEvent.Kind.MODIFICATION, Jobs.job(other, alice, JobState.SUSPENDED, 3, List.of()), Instant.now()));
        journal.onEvent(new JobEvent(JobEvent.Kind.MODIFICATION, Jobs.job(other, new Owner(0, "root"), JobState.SUSPENDED, 3, List.of()), Instant.now()));
        journal.onEvent(new JobEvent(JobEvent.Kind.MODIFICATION, Jobs.job(other, new Owner(0, "root"), JobState.CANCELLED, 3, List.of()), Instant.now()));
        assertThat(entries).containsExactly("JOB_CREATED", "JOB_RESUMED", "JOB_TRANSFERRED", "JOB_COMPLETED",
                "JOB_CREATED", "OWNERSHIP_TAKEN", "JOB_CANCELLED");
    }

    @Test
    void syslogLinesNameTheEventAndTheJob() {
        var job = Jobs.job(JobId.random(), new Owner(1000, "alice"), JobState.ERROR, 3, List.of());
        String line = LinuxSystemLog.format(SystemEvent.JOB_ERROR, job, "error 0x80190194");
        assertThat(line).isEqualTo("[JOB_ERROR 8] job " + job.id() + " 'test' owner alice: error 0x80190194");
        assertThat(LinuxSystemLog.format(SystemEvent.ACCESS_REFUSED, null, "Access denied")).isEqualTo("[ACCESS_REFUSED 10] Access denied");
    }
}
