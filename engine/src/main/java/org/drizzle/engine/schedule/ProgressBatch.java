package org.drizzle.engine.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobId;

/**
 * Group commit for one running job: the progress records and file completions of its
 * sessions, written to the store together in one transaction instead of one (or three) per
 * file, so a job of many small files is not bound by store transactions.
 *
 * <p>Every record handed here is for bytes its session has already forced to disk, so the
 * durability order write → force → record holds for each file; holding records back only
 * means a crash loses records, never that a record claims unforced bytes. Recovery then
 * truncates those files to their last committed length and the next run fetches them again.
 * That loss is bounded: the batch is committed once {@link SchedulerConfig#checkpointBytes()}
 * bytes or {@link #MAX_FILES} completions are pending, once
 * {@link SchedulerConfig#checkpointInterval()} has passed since the last commit, before any
 * record that must not overtake it, and before the worker reports how the run ended.
 * Used only by the job's worker thread; a commit is one {@link JobLifecycle#recordBatch} step.
 */
final class ProgressBatch {
    /** Completions held back at most; also bounds the small files a crash fetches again. */
    static final int MAX_FILES = 64;

    private final JobLifecycle lifecycle;
    private final JobId job;
    private final Clock clock;
    private final SchedulerConfig config;
    private final List<Change> pending = new ArrayList<>();
    private final Set<Integer> completing = new HashSet<>();
    private long pendingBytes;
    private long lastCommitMillis;

    /** One file's change: applied to the job copy the commit builds, in the order it was added. */
    private record Change(int index, Consumer<Job> change) {
    }

    ProgressBatch(JobLifecycle lifecycle, JobId job, Clock clock, SchedulerConfig config) {
        this.lifecycle = lifecycle;
        this.job = job;
        this.clock = clock;
        this.config = config;
        this.lastCommitMillis = clock.millis();
    }

    /**
     * Queues a change of file {@code index} that records {@code bytes} newly durable bytes
     * (the caller forced them already) and, with {@code completes}, marks the file done.
     */
    void add(int index, long bytes, boolean completes, Consumer<Job> change) {
        pending.add(new Change(index, change));
        pendingBytes += Math.max(0, bytes);
        if (completes) {
            completing.add(index);
        }
    }

    /** True if file {@code index} is done but its completion is not committed yet. */
    boolean completing(int index) {
        return completing.contains(index);
    }

    /** Commits the pending records if one of the limits is reached. */
    void commitIfDue() {
        if (pending.isEmpty()) {
            return;
        }
        if (pendingBytes >= config.checkpointBytes() || completing.size() >= MAX_FILES
                || clock.millis() - lastCommitMillis >= config.checkpointInterval().toMillis()) {
            commit();
        }
    }

    /**
     * Commits every pending record in one transaction, unless the job is gone (purged) or
     * final (cancelled: its files are deleted anyway). A failing commit leaves the job as it
     * was and the records are dropped: their bytes are fetched again, nothing unforced is claimed.
     */
    void commit() {
        if (pending.isEmpty()) {
            return;
        }
        List<Change> changes = new ArrayList<>(pending);
        boolean completions = !completing.isEmpty();
        pending.clear();
        completing.clear();
        pendingBytes = 0;
        lastCommitMillis = clock.millis();
        lifecycle.recordBatch(job, completions, files -> j -> {
            for (Change c : changes) {
                if (c.index() < files) {
                    c.change().accept(j);
                }
            }
        });
    }
}
