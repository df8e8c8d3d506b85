package org.drizzle.engine.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for one running job: the progress records and file completions of its
 * sessions, written to the store together in one transaction instead of one (or three) per
 * file, so a job of many small files is not bound by store transactions.
 *
 * <p>Every record handed here is for bytes its session has forced to disk, or comes with the
 * force that covers them ({@link WriteBehind}); so the durability order write → force →
 * record holds for each file, and a record whose force failed is dropped (the file is fetched
 * again from its last committed length). Records go through two stages: when the batch is due
 * it is <em>sealed</em> — the forces of all its files begin at once, which the file system
 * writes in one journal commit — and the worker goes on transferring; the sealed records are
 * committed at the next due point once their forces have returned (the worker waits only when
 * the disk is a whole batch behind). Holding records back only means a crash loses records,
 * never that a record claims unforced bytes; recovery truncates those files to their last
 * committed length and the next run fetches them again. That loss is bounded: a batch is due
 * once {@link SchedulerConfig#checkpointBytes()} bytes or {@link #MAX_FILES} completions are
 * pending or {@link SchedulerConfig#checkpointInterval()} has passed since the last one, and
 * {@link #commit} writes everything before any record that must not overtake it and before the
 * worker reports how the run ended. Used only by the job's worker thread; a commit is one
 * {@link JobLifecycle#recordBatch} step.
 */
final class ProgressBatch {
    /** Completions held back at most per stage; also bounds the small files a crash fetches again. */
    static final int MAX_FILES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressBatch.class);

    private final JobLifecycle lifecycle;
    private final JobId job;
    private final Clock clock;
    private final SchedulerConfig config;
    /** Records not yet sealed, and the files they complete. */
    private final List<Change> pending = new ArrayList<>();
    private final Set<Integer> completing = new HashSet<>();
    /** Records whose forces have begun, waiting for them to return before their commit. */
    private final List<Change> sealed = new ArrayList<>();
    private final Set<Integer> completingSealed = new HashSet<>();
    private long pendingBytes;
    private long lastSealMillis;

    /** One file's change, with the force it waits for (or null): applied in the order it was added. */
    private record Change(int index, Consumer<Job> change, CompletableFuture<?> durable) {
    }

    ProgressBatch(JobLifecycle lifecycle, JobId job, Clock clock, SchedulerConfig config) {
        this.lifecycle = lifecycle;
        this.job = job;
        this.clock = clock;
        this.config = config;
        this.lastSealMillis = clock.millis();
    }

    /**
     * Queues a change of file {@code index} that records {@code bytes} newly durable bytes
     * (the caller forced them already) and, with {@code completes}, marks the file done.
     */
    void add(int index, long bytes, boolean completes, Consumer<Job> change) {
        add(index, bytes, completes, change, null);
    }

    /** As {@link #add(int, long, boolean, Consumer)} for bytes whose force {@code durable} has not returned yet. */
    void add(int index, long bytes, boolean completes, Consumer<Job> change, CompletableFuture<?> durable) {
        pending.add(new Change(index, change, durable));
        pendingBytes += Math.max(0, bytes);
        if (completes) {
            completing.add(index);
        }
    }

    /** True if file {@code index} is done but its completion is not committed yet. */
    boolean completing(int index) {
        return completing.contains(index) || completingSealed.contains(index);
    }

    /**
     * Commits the sealed records whose forces have returned, and seals the pending ones if one of
     * the limits is reached (committing them at once when they need no force).
     */
    void commitIfDue() {
        if (!sealed.isEmpty() && allReturned(sealed)) {
            commitSealed();
        }
        if (pending.isEmpty()) {
            return;
        }
        if (pendingBytes >= config.checkpointBytes() || completing.size() >= MAX_FILES
                || clock.millis() - lastSealMillis >= config.checkpointInterval().toMillis()) {
            commitSealed(); // the disk is a whole batch behind: wait for it here
            seal();
            if (allReturned(sealed)) {
                commitSealed();
            }
        }
    }

    /**
     * Commits every record, waiting for their forces, unless the job is gone (purged) or final
     * (cancelled: its files are deleted anyway). A failing commit leaves the job as it was and
     * the records are dropped: their bytes are fetched again, nothing unforced is claimed.
     */
    void commit() {
        commitSealed();
        if (!pending.isEmpty()) {
            seal();
            commitSealed();
        }
    }

    /** Begins the forces of every pending record at once and moves them to the sealed stage. */
    private void seal() {
        for (Change c : pending) {
            if (c.durable() instanceof WriteBehind.Force f) {
                f.begin();
            }
        }
        sealed.addAll(pending);
        completingSealed.addAll(completing);
        pending.clear();
        completing.clear();
        pendingBytes = 0;
        lastSealMillis = clock.millis();
    }

    private static boolean allReturned(List<Change> changes) {
        for (Change c : changes) {
            if (c.durable() != null && !c.durable().isDone()) {
                return false;
            }
        }
        return true;
    }

    private void commitSealed() {
        if (sealed.isEmpty()) {
            return;
        }
        List<Change> changes = durable(sealed);
        boolean completions = !completingSealed.isEmpty();
        sealed.clear();
        completingSealed.clear();
        if (changes.isEmpty()) {
            return;
        }
        lifecycle.recordBatch(job, completions, files -> j -> {
            for (Change c : changes) {
                if (c.index() < files) {
                    c.change().accept(j);
                }
            }
        });
    }

    /**
     * The changes whose forces returned, after waiting for them; a failed force drops its file's
     * changes from then on (the file is fetched again from its last committed length).
     */
    private List<Change> durable(List<Change> changes) {
        List<Change> out = new ArrayList<>(changes.size());
        Set<Integer> failed = new HashSet<>();
        for (Change c : changes) {
            if (c.durable() != null && !failed.contains(c.index())) {
                try {
                    c.durable().join();
                } catch (CompletionException | CancellationException e) {
                    LOG.warn("job {}: file {} could not be forced to disk ({}); it is fetched again", job, c.index(),
                            LogText.of(String.valueOf(e.getCause())));
                    failed.add(c.index());
                }
            }
            if (!failed.contains(c.index())) {
                out.add(c);
            }
        }
        return out;
    }
}
