package org.drizzle.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.notify.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's jobs in memory, written through to the {@link JobStore}. Every change comes from
 * the engine's {@code JobLifecycle}, which holds its own lock around each read-modify-write; the
 * table's methods are atomic on their own so that plain reads need no other lock. A change is
 * applied to a copy of the job, committed to the store in one transaction, and only then
 * swapped in; if the change or the commit throws, the old job stays as it was. Each commit
 * publishes its event (JobTransferred / JobError / JobModification, or rate-limited progress).
 *
 * <p>The table keeps the indexes the scheduler and the limits need so that no tick scans all
 * jobs: the QUEUED jobs ordered by priority, round-robin key and creation order; the ids in
 * TRANSIENT_ERROR; the ids per owner; and the count of unfinished jobs per owner.
 */
public final class JobTable {
    private static final Logger LOG = LoggerFactory.getLogger(JobTable.class);
    /** Scheduler order: priority class, then who waited longest for a slice, then FIFO. */
    public static final Comparator<Job> QUEUE_ORDER = Comparator.comparing(Job::priority)
            .thenComparingLong(Job::sliceKey).thenComparingLong(Job::sequence).thenComparing(Job::id);

    private final JobStore store;
    private final EventBus events;
    private Function<Job, JobInfo> snapshot;
    private final Map<JobId, Job> jobs = new LinkedHashMap<>();
    private final NavigableSet<Job> queued = new TreeSet<>(QUEUE_ORDER);
    private final Set<JobId> transientErrors = new LinkedHashSet<>();
    /** TRANSIENT_ERROR jobs indexed (new or changed) since the scheduler last took them. */
    private final Set<JobId> transientTouched = new LinkedHashSet<>();
    private final Map<Long, Set<JobId>> byOwner = new HashMap<>();
    private final Map<Long, Integer> unfinishedByOwner = new HashMap<>();
    private int unfinished;
    private long lastSequence;

    public JobTable(JobStore store, EventBus events, Function<Job, JobInfo> snapshot) {
        this.store = store;
        this.events = events;
        this.snapshot = snapshot;
    }

    /** Replaces how jobs become client snapshots (the engine adds policy and live rates). */
    public synchronized void snapshotter(Function<Job, JobInfo> f) {
        snapshot = f;
    }

    public JobStore store() {
        return store;
    }

    /**
     * Fills the table from the jobs a start holds ({@link JobStore#loadForStart}); no store writes,
     * no events. New jobs number on from the highest sequence stored, final jobs left on disk included.
     */
    public synchronized void load(Collection<Job> stored) throws IOException {
        stored.forEach(this::index);
        lastSequence = store.lastSequence();
    }

    public synchronized long nextSequence() {
        return ++lastSequence;
    }

    /**
     * The job held in memory, or null; callers hold the lock while they read it and never modify
     * it. The workers and the scheduler ask for running jobs only, which are always held.
     */
    public synchronized Job find(JobId id) {
        return jobs.get(id);
    }

    /**
     * The job, else BG_E_NOT_FOUND. A final job a start left on disk is read from the store the
     * first time it is asked for (a client naming it by id) and held from then on.
     */
    public synchronized Job require(JobId id) {
        Job j = jobs.get(id);
        if (j == null) {
            try {
                j = store.load(id);
            } catch (IOException e) {
                throw new BitsException(ErrorCodes.E_FAIL, e.getMessage(), e);
            }
            if (j != null) {
                index(j);
            }
        }
        if (j == null) {
            throw new BitsException(ErrorCodes.BG_E_NOT_FOUND, "The job " + id + " was not found.");
        }
        return j;
    }

    public synchronized JobInfo info(Job job) {
        return snapshot.apply(job);
    }

    /** Stores a new job and publishes its first MODIFICATION. */
    public synchronized JobInfo insert(Job job) {
        commit(job, null);
        index(job);
        JobInfo info = snapshot.apply(job);
        events.publish(JobEvent.Kind.MODIFICATION, info);
        return info;
    }

    /**
     * Applies {@code change} to a copy of the job, commits it (job row plus the files that
     * changed) and publishes the event the new state calls for. Returns the committed job.
     */
    public synchronized Job update(JobId id, Consumer<Job> change) {
        return apply(id, change, false);
    }

    /** As {@link #update}, but the event is rate-limited progress (checkpoints). */
    public synchronized Job progress(JobId id, Consumer<Job> change) {
        return apply(id, change, true);
    }

    private Job apply(JobId id, Consumer<Job> change, boolean progressOnly) {
        Job old = require(id);
        Job next = old.copy();
        change.accept(next);
        List<Integer> changed = new ArrayList<>();
        boolean filesReplaced = next.files().size() < old.files().size();
        for (int i = 0; i < next.files().size() && !filesReplaced; i++) {
            if (i >= old.files().size() || !next.files().get(i).sameAs(old.files().get(i))) {
                changed.add(i);
            }
        }
        commit(next, filesReplaced ? null : changed);
        unindex(old);
        index(next);
        JobInfo info = snapshot.apply(next);
        if (progressOnly && old.state() == next.state()) {
            events.progress(info);
        } else if (next.state() != old.state() && next.state() == JobState.TRANSFERRED) {
            events.publish(JobEvent.Kind.TRANSFERRED, info);
        } else if (next.state() != old.state() && next.state() == JobState.ERROR) {
            events.publish(JobEvent.Kind.ERROR, info);
        } else {
            events.publish(JobEvent.Kind.MODIFICATION, info);
        }
        return next;
    }

    /** Deletes a job from the store and the table (retention purge; the job may be on disk only). */
    public synchronized void remove(JobId id) {
        try {
            store.delete(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Job old = jobs.get(id);
        if (old != null) {
            unindex(old);
        }
        events.forget(id);
    }

    /**
     * Records that final job {@code id}'s temp files are all gone ({@link JobStore#markSwept}).
     * The job has ended already, so a failed write only costs time: the next start reads the job
     * again and sweeps nothing.
     */
    public synchronized void markSwept(JobId id) {
        try {
            store.markSwept(id);
        } catch (IOException e) {
            LOG.warn("job {}: its end is not marked in the store; the next start reads it again: {}", id, e.getMessage());
        }
    }

    private void commit(Job job, List<Integer> changedFiles) {
        try {
            store.save(job, changedFiles);
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.E_FAIL, e.getMessage(), e);
        }
    }

    private void index(Job j) {
        jobs.put(j.id(), j);
        if (j.state() == JobState.QUEUED) {
            queued.add(j);
        } else if (j.state() == JobState.TRANSIENT_ERROR) {
            transientErrors.add(j.id());
            transientTouched.add(j.id());
        }
        byOwner.computeIfAbsent(j.owner().uid(), k -> new LinkedHashSet<>()).add(j.id());
        if (!j.state().isFinal()) {
            unfinishedByOwner.merge(j.owner().uid(), 1, Integer::sum);
            unfinished++;
        }
    }

    private void unindex(Job j) {
        jobs.remove(j.id());
        queued.remove(j);
        transientErrors.remove(j.id());
        Set<JobId> owned = byOwner.get(j.owner().uid());
        if (owned != null) {
            owned.remove(j.id());
        }
        if (!j.state().isFinal()) {
            unfinishedByOwner.merge(j.owner().uid(), -1, Integer::sum);
            unfinished--;
        }
    }

    /** QUEUED jobs in scheduling order (a live view: read under the lock only). */
    public synchronized NavigableSet<Job> queued() {
        return queued;
    }

    /** Ids of TRANSIENT_ERROR jobs (a copy). */
    public synchronized List<JobId> transientErrors() {
        return new ArrayList<>(transientErrors);
    }

    /** Ids of TRANSIENT_ERROR jobs new or changed since the last call (a copy; the record is cleared). */
    public synchronized List<JobId> takeTransientTouched() {
        List<JobId> out = new ArrayList<>(transientTouched);
        transientTouched.clear();
        return out;
    }

    /** Every job, in creation order (a copy of the list; the jobs are live). */
    public synchronized List<Job> all() {
        return new ArrayList<>(jobs.values());
    }

    /** {@code uid}'s jobs in creation order. */
    public synchronized List<Job> ownedBy(long uid) {
        List<Job> out = new ArrayList<>();
        for (JobId id : byOwner.getOrDefault(uid, Set.of())) {
            out.add(jobs.get(id));
        }
        out.sort(Comparator.comparingLong(Job::sequence));
        return out;
    }

    /** Jobs not yet ACKNOWLEDGED or CANCELLED that {@code uid} owns (MaxJobsPerUser). */
    public synchronized int unfinishedOwnedBy(long uid) {
        return unfinishedByOwner.getOrDefault(uid, 0);
    }

    /** Jobs not yet ACKNOWLEDGED or CANCELLED (MaxJobsPerMachine). */
    public synchronized int unfinished() {
        return unfinished;
    }

    public synchronized int size() {
        return jobs.size();
    }
}
