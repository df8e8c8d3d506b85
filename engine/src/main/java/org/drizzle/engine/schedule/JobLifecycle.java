package org.drizzle.engine.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobError;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobRules;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobTrigger;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.job.RemoteName;
import org.drizzle.engine.store.JobStore;
import org.drizzle.engine.store.JobTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the job life cycle: every change of a job goes through a method here, one
 * per BITS trigger ({@link JobTrigger}), which validates, transitions, persists (the
 * {@link JobTable} commits to the store) and publishes (the table's event) in one step under
 * this class's private lock. The rows cited are those of bits-reference.md §3.2, repeated in
 * docs/job-model.md.
 *
 * <p>Clients' triggers take an {@link Access} check, run under the same lock as the change, so
 * ownership cannot change between the check and the change. The {@link Scheduler} reads the
 * table only inside {@link #decide} and changes it through the scheduler triggers; workers report
 * through {@link #stopped}, {@link #failed}, {@link #transferred} and record progress through
 * {@link #record}. File work (Complete's renames, Cancel's deletes and Cancel-Session) and
 * waiting for a transfer to stop happen outside the lock.
 *
 * <p>Lock order: this class's lock, then the table's own monitor (its methods are atomic on
 * their own for plain reads). Nothing holding the table's monitor calls back in here.
 */
public final class JobLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(JobLifecycle.class);

    private final Object lock = new Object();
    private final JobTable table;
    private final Clock clock;
    private final Supplier<JobLimits> limits;
    private final TempFiles tempFiles;
    private final NewFiles newFiles;
    private final Consumer<Job> cancelUpload;
    private Scheduler scheduler;

    /** Refuses a caller's trigger on a job it may not act on (throws E_ACCESSDENIED). */
    @FunctionalInterface
    public interface Access {
        void check(Job job);
    }

    /**
     * @param cancelUpload sends an upload's Cancel-Session once its worker stopped (waits briefly)
     */
    public JobLifecycle(JobTable table, Clock clock, Supplier<JobLimits> limits, Impersonator impersonator,
                        TempFiles tempFiles, Consumer<Job> cancelUpload) {
        this.table = table;
        this.clock = clock;
        this.limits = limits;
        this.tempFiles = tempFiles;
        this.newFiles = new NewFiles(impersonator, limits);
        this.cancelUpload = cancelUpload;
    }

    /** Binds the scheduler the triggers wake and stop (set once, before any trigger). */
    public void attach(Scheduler s) {
        this.scheduler = s;
    }

    /** The table, read by the scheduler inside {@link #decide} and by tests; never changed outside this class. */
    public JobTable table() {
        return table;
    }

    JobStore store() {
        return table.store();
    }

    private Instant now() {
        return clock.instant();
    }

    // ---- client triggers ----------------------------------------------------------------

    /**
     * §3.2 row "– | CreateJob | SUSPENDED". MaxJobsPerUser and MaxJobsPerMachine apply unless
     * {@code unlimited} (an administrator).
     */
    public JobInfo create(Owner owner, boolean unlimited, String displayName, JobType type, JobOptions options) {
        JobRules.checkDisplayName(displayName);
        synchronized (lock) {
            if (!unlimited) {
                JobLimits l = limits.get();
                int mine = table.unfinishedOwnedBy(owner.uid());
                if (mine >= l.maxJobsPerUser()) {
                    throw new BitsException(ErrorCodes.BG_E_TOO_MANY_JOBS_PER_USER, owner.name() + " already has "
                            + mine + " jobs; MaxJobsPerUser is " + l.maxJobsPerUser() + ".");
                }
                if (table.unfinished() >= l.maxJobsPerMachine()) {
                    throw new BitsException(ErrorCodes.BG_E_TOO_MANY_JOBS_PER_MACHINE, "The computer already has "
                            + table.unfinished() + " jobs; MaxJobsPerMachine is " + l.maxJobsPerMachine() + ".");
                }
            }
            Job job = new Job(JobId.random(), displayName, type == null ? JobType.DOWNLOAD : type,
                    owner, now(), table.nextSequence());
            JobRules.apply(job, options);
            return table.insert(job);
        }
    }

    /**
     * AddFile (§3.2: any non-final state, the state is kept; a TRANSFERRED job with a new file is
     * resumed by the next Resume). {@link NewFiles} checks the file as the owner.
     */
    public JobInfo addFile(JobId id, Access access, String remoteName, String localName, List<ByteRange> ranges) {
        synchronized (lock) {
            Job job = changeable(id, access, JobTrigger.ADD_FILE);
            JobFile file = newFiles.check(job, UsedNames.of(job), remoteName, localName, ranges);
            Job updated = table.update(id, j -> {
                j.files().add(file);
                j.touch(now());
            });
            return table.info(updated);
        }
    }

    /**
     * AddFileSet (§3.2, as AddFile for each file): all files are checked against the job and
     * each other first, then added in one commit; the first refusal leaves the job unchanged.
     */
    public JobInfo addFileSet(JobId id, Access access, List<BgFileInfo> files) {
        if (files == null || files.isEmpty()) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "AddFileSet needs at least one file.");
        }
        synchronized (lock) {
            Job scratch = changeable(id, access, JobTrigger.ADD_FILE).copy();
            List<JobFile> added = new ArrayList<>(files.size());
            UsedNames used = UsedNames.of(scratch);
            for (BgFileInfo f : files) {
                if (f == null) {
                    throw new BitsException(ErrorCodes.E_INVALIDARG, "AddFileSet was given an empty file entry.");
                }
                JobFile file = newFiles.check(scratch, used, f.remoteName(), f.localName(), null);
                used.add(file);
                scratch.files().add(file);
                added.add(file);
            }
            Job updated = table.update(id, j -> {
                j.files().addAll(added);
                j.touch(now());
            });
            return table.info(updated);
        }
    }

    /**
     * SetProperty (any non-final state, the state is kept). A running job whose priority
     * changed re-enters the queue in its new class (pre-emption rules apply).
     */
    public JobInfo setProperties(JobId id, Access access, JobOptions changes) {
        synchronized (lock) {
            Job old = changeable(id, access, JobTrigger.SET_PROPERTIES);
            Job updated = table.update(id, j -> {
                JobRules.apply(j, changes);
                j.touch(now());
            });
            if (updated.priority() != old.priority()) {
                scheduler.requestStop(id, StopReason.PREEMPTED);
            }
            scheduler.wake();
            return table.info(updated);
        }
    }

    /** SetRemoteName of one download file (a property change: any non-final state). */
    public JobInfo setRemoteName(JobId id, Access access, int fileIndex, String remoteName) {
        synchronized (lock) {
            Job job = changeable(id, access, JobTrigger.SET_PROPERTIES);
            if (job.type() != JobType.DOWNLOAD) {
                throw new BitsException(ErrorCodes.E_INVALIDARG, "SetRemoteName applies to download jobs only.");
            }
            if (fileIndex < 0 || fileIndex >= job.files().size()) {
                throw new BitsException(ErrorCodes.E_INVALIDARG,
                        "File index " + fileIndex + " is outside 0.." + (job.files().size() - 1) + ".");
            }
            String remoteUrl = RemoteName.parse(remoteName, job.type()).text();
            return table.info(table.update(id, j -> {
                j.files().get(fileIndex).remoteName(remoteUrl);
                j.touch(now());
            }));
        }
    }

    /** ReplaceRemotePrefix of a download job (a property change: any non-final state). */
    public JobInfo replaceRemotePrefix(JobId id, Access access, String oldPrefix, String newPrefix) {
        synchronized (lock) {
            Job job = changeable(id, access, JobTrigger.SET_PROPERTIES);
            if (job.type() != JobType.DOWNLOAD) {
                throw new BitsException(ErrorCodes.E_INVALIDARG, "ReplaceRemotePrefix applies to download jobs only.");
            }
            if (oldPrefix == null || oldPrefix.isEmpty() || newPrefix == null) {
                throw new BitsException(ErrorCodes.E_INVALIDARG, "ReplaceRemotePrefix needs a non-empty old prefix and a new prefix.");
            }
            List<String> renamed = new ArrayList<>();
            for (JobFile f : job.files()) {
                renamed.add(RemoteName.parse(f.remoteName().startsWith(oldPrefix)
                        ? newPrefix + f.remoteName().substring(oldPrefix.length()) : f.remoteName(), job.type()).text());
            }
            return table.info(table.update(id, j -> {
                for (int i = 0; i < renamed.size(); i++) {
                    j.files().get(i).remoteName(renamed.get(i));
                }
                j.touch(now());
            }));
        }
    }

    /**
     * TakeOwnership (an administrator; any non-final state): the job changes owner, drops the
     * old owner's secrets, and a running transfer restarts with the new owner's identity.
     */
    public JobInfo takeOwnership(JobId id, Access access, Owner newOwner) {
        synchronized (lock) {
            changeable(id, access, JobTrigger.SET_PROPERTIES);
            Job updated = table.update(id, j -> j.takeOwnership(newOwner, now()));
            scheduler.requestStop(id, StopReason.PREEMPTED);
            return table.info(updated);
        }
    }

    /**
     * §3.2 rows "SUSPENDED | Resume | QUEUED (0 files → BG_E_EMPTY, stays)" and "ERROR/TRANSIENT_ERROR
     * | fix + Resume | QUEUED". A queued or running job, or a TRANSFERRED one with nothing left,
     * stays as it is. Resume resets MaxDownloadTime's count and the no-progress clock.
     */
    public JobInfo resume(JobId id, Access access) {
        synchronized (lock) {
            Job job = changeable(id, access, JobTrigger.RESUME);
            if (job.files().isEmpty()) {
                throw new BitsException(ErrorCodes.BG_E_EMPTY, "Job " + id + " has no files to transfer.");
            }
            JobState s = job.state();
            boolean nothingLeft = job.nextFileIndex() < 0;
            if (s == JobState.QUEUED || s.isActive() || (s == JobState.TRANSFERRED && nothingLeft)) {
                return table.info(job);
            }
            Instant now = now();
            Job updated = table.update(id, j -> {
                j.startAfter(StartSpread.firstStart(j, now, limits.get().startSpread()));
                j.everResumed(true);
                j.activeMillis(0);
                j.lastProgressTime(now);
                j.conditionSince(null);
                j.transition(JobState.QUEUED, now);
            });
            scheduler.wake();
            return table.info(updated);
        }
    }

    /** §3.2 row "non-final | Suspend | SUSPENDED (idempotent)"; a running transfer stops at its next buffer. */
    public JobInfo suspend(JobId id, Access access) {
        synchronized (lock) {
            Job job = changeable(id, access, JobTrigger.SUSPEND);
            if (job.state() == JobState.SUSPENDED) {
                return table.info(job);
            }
            Job updated = table.update(id, j -> j.transition(JobState.SUSPENDED, now()));
            scheduler.requestStop(id, StopReason.SUSPEND);
            return table.info(updated);
        }
    }

    /**
     * §3.2 row "non-final (uploads: TRANSFERRED only) | Complete | ACKNOWLEDGED (final)". The job
     * is held from the scheduler, its transfer stopped, finished downloads renamed to their
     * final names outside the lock (a failed rename keeps the job and records what was
     * committed), then ACKNOWLEDGED with S_OK, BG_S_PARTIAL_COMPLETE or BG_S_UNABLE_TO_DELETE_FILES.
     */
    public CompleteResult complete(JobId id, Access access, Duration stopTimeout) {
        ActiveTransfer running;
        synchronized (lock) {
            Job job = require(id, access);
            refuseIfFinal(job);
            if (job.type().isUpload() && !job.state().allows(JobTrigger.COMPLETE_UPLOAD)) {
                throw new BitsException(ErrorCodes.BG_E_INVALID_STATE, "Upload job " + id + " can be completed only when"
                        + " Transferred; it is " + job.state().displayName() + ".");
            }
            scheduler.hold(id);
            running = scheduler.requestStop(id, StopReason.COMPLETE);
        }
        try {
            if (running != null && !running.awaitDone(stopTimeout.toMillis())) {
                throw new BitsException(ErrorCodes.E_FAIL, "The transfer of job " + running.job()
                        + " did not stop within " + stopTimeout + ".");
            }
            Job snapshot = table.require(id).copy();
            List<Integer> committed;
            try {
                committed = tempFiles.commit(snapshot);
            } catch (TempFiles.CommitFailure failure) {
                synchronized (lock) {
                    table.update(id, j -> failure.committed().forEach(i -> j.files().get(i).committed(true)));
                }
                throw failure.error();
            }
            committed.forEach(i -> snapshot.files().get(i).committed(true));
            int undeleted = tempFiles.delete(snapshot, true);
            boolean partial = snapshot.type() == JobType.DOWNLOAD && !TempFiles.allFinished(snapshot);
            synchronized (lock) {
                Job done = table.update(id, j -> {
                    committed.forEach(i -> j.files().get(i).committed(true));
                    j.transition(JobState.ACKNOWLEDGED, now());
                });
                if (undeleted == 0) {
                    table.markSwept(id);
                }
                int status = undeleted > 0 ? ErrorCodes.BG_S_UNABLE_TO_DELETE_FILES
                        : partial ? ErrorCodes.BG_S_PARTIAL_COMPLETE : ErrorCodes.S_OK;
                return new CompleteResult(status, table.info(done));
            }
        } finally {
            scheduler.release(id);
        }
    }

    /**
     * §3.2 row "non-final | Cancel | CANCELLED (final)". The job is CANCELLED at once (its
     * worker can no longer record anything); after the worker stopped (or the timeout), an
     * upload's server session is cancelled and the temporary files deleted; with all of them gone
     * and the worker stopped (it creates no more), the job is marked swept.
     */
    public JobInfo cancel(JobId id, Access access, Duration stopTimeout) {
        ActiveTransfer running;
        Job cancelled;
        synchronized (lock) {
            changeable(id, access, JobTrigger.CANCEL);
            cancelled = table.update(id, j -> j.transition(JobState.CANCELLED, now()));
            running = scheduler.requestStop(id, StopReason.CANCEL);
        }
        boolean stopped = running == null || running.awaitDone(stopTimeout.toMillis());
        if (!stopped) {
            LOG.warn("transfer of cancelled job {} did not stop in time", id);
        }
        // With the worker stopped, the stored upload session is final: tell the server to drop the partial upload.
        cancelUpload.accept(cancelled);
        if (tempFiles.delete(cancelled, false) == 0 && stopped) {
            swept(id);
        }
        return table.info(cancelled);
    }

    // ---- reads ------------------------------------------------------------------------

    /** The job (a committed snapshot, never changed in place) if {@code access} allows, else BG_E_NOT_FOUND / E_ACCESSDENIED. */
    public Job job(JobId id, Access access) {
        synchronized (lock) {
            return require(id, access);
        }
    }

    /** GetJob. */
    public JobInfo info(JobId id, Access access) {
        synchronized (lock) {
            return table.info(require(id, access));
        }
    }

    /** Snapshots of {@code owner}'s jobs (every job when null) whose state {@code which} accepts, in creation order. */
    public List<JobInfo> list(Long owner, Predicate<JobState> which) {
        synchronized (lock) {
            List<Job> jobs = owner == null ? table.all() : table.ownedBy(owner);
            List<JobInfo> out = new ArrayList<>(jobs.size());
            for (Job j : jobs) {
                if (which.test(j.state())) {
                    out.add(table.info(j));
                }
            }
            return out;
        }
    }

    // ---- scheduler triggers -----------------------------------------------------------

    /**
     * Runs one scheduler decision (a pass, a slot freed, shutdown) as one atomic step: the
     * table it reads cannot change meanwhile, and the triggers it fires take effect in order.
     */
    void decide(Runnable pass) {
        synchronized (lock) {
            pass.run();
        }
    }

    /** §3.2 row "QUEUED | scheduler | CONNECTING": the job got a transfer slot. */
    void started(JobId id, Instant now) {
        synchronized (lock) {
            table.update(id, j -> {
                j.transition(JobState.CONNECTING, now);
                j.blockedReason(null);
            });
        }
    }

    /**
     * §3.2 rows "TRANSIENT_ERROR | retry after MinimumRetryDelay" and "network back → all
     * TRANSIENT_ERROR → QUEUED": back to QUEUED ({@link RetryPolicy#requeue}).
     */
    void retry(JobId id) {
        synchronized (lock) {
            if (table.require(id).state().allows(JobTrigger.RETRY)) {
                table.update(id, scheduler.retryPolicy()::requeue);
            }
        }
    }

    /** §3.2 row "TRANSIENT_ERROR | no progress for NoProgressTimeout | ERROR". */
    void noProgressTimeout(JobId id, Instant now) {
        synchronized (lock) {
            if (table.require(id).state().allows(JobTrigger.NO_PROGRESS_TIMEOUT)) {
                table.update(id, j -> j.transition(JobState.ERROR, now));
            }
        }
    }

    /**
     * A RunCondition keeps a queued job from starting: with an error code the job waits in
     * TRANSIENT_ERROR (§3.2 "owner logoff / network loss"), else it stays QUEUED with the reason.
     */
    void blocked(Job job, Blocker b) {
        synchronized (lock) {
            if (b.showAsError()) {
                JobError err = conditionError(b);
                table.update(job.id(), j -> {
                    scheduler.retryPolicy().onConditionError(j, err);
                    j.blockedReason(b.reason());
                });
            } else if (!b.reason().equals(job.blockedReason())) {
                table.update(job.id(), j -> j.blockedReason(b.reason()));
            }
        }
    }

    /** A queued job waits for a free slot: its BlockedReason says so (no state change). */
    void waiting(JobId id, String reason) {
        synchronized (lock) {
            table.update(id, j -> j.blockedReason(reason));
        }
    }

    /** §3.2 row "non-final | idle ≥ JobInactivityTimeout | CANCELLED"; returns the cancelled job (its temp files to delete). */
    Job expire(JobId id, Instant now) {
        synchronized (lock) {
            return table.update(id, j -> j.transition(JobState.CANCELLED, now));
        }
    }

    /** A final job's temp files are all gone: later starts leave it on disk ({@code JobStore.markSwept}). */
    void swept(JobId id) {
        synchronized (lock) {
            table.markSwept(id);
        }
    }

    /** Deletes final jobs that left their state before {@code before} (retention). */
    void purge(Instant before) throws IOException {
        synchronized (lock) {
            for (JobId id : table.store().finalBefore(before)) {
                table.remove(id);
            }
        }
    }

    // ---- worker triggers --------------------------------------------------------------

    /** The next file a worker runs, or null once the run ended here (reported already). */
    record Next(Job job, int index) {
    }

    /**
     * The worker's loop head, atomic with the table: no longer active → the run just ends;
     * a stop requested → reported stopped; no file left → reported transferred (both through the
     * scheduler, which drops reports after shutdown gave up on the worker); else the first
     * file neither completed nor completing in {@code batch}. The batch is committed before a report.
     */
    Next next(ActiveTransfer t, ProgressBatch batch) {
        synchronized (lock) {
            Job job = table.find(t.job());
            if (job == null || !job.state().isActive()) {
                batch.commit();
                return null;
            }
            if (t.stopRequested()) {
                batch.commit();
                scheduler.stopped(t);
                return null;
            }
            List<JobFile> files = job.files();
            for (int i = 0; i < files.size(); i++) {
                if (!files.get(i).completed() && !batch.completing(i)) {
                    return new Next(job, i);
                }
            }
            batch.commit();
            scheduler.transferred(t);
            return null;
        }
    }

    /** §3.2 "CONNECTING → TRANSFERRING": the server answered (unless a stop is already on its way). */
    void connected(ActiveTransfer t) {
        synchronized (lock) {
            Job current = table.find(t.job());
            if (current != null && current.state().allows(JobTrigger.CONNECTED) && !t.stopRequested()) {
                table.update(t.job(), j -> j.transition(JobState.TRANSFERRING, now()));
            }
        }
    }

    /**
     * The worker stopped at a durable point; the stop reason picks the §3.2 row: MaxDownloadTime →
     * "active | fatal | ERROR"; a condition with a code → TRANSIENT_ERROR; slice end, pre-emption,
     * a condition without code, shutdown → "slice end → QUEUED". Suspend, Cancel and Complete set
     * the state themselves: then only the active time is added up.
     */
    void stopped(ActiveTransfer t) {
        StopReason reason = t.stopReason();
        Blocker blocker = t.blocker();
        outcome(t, s -> !s.isFinal(), (j, now) -> {
            if (!j.state().allows(JobTrigger.STOPPED)) {
                return;
            }
            if (reason == StopReason.MAX_DOWNLOAD_TIME) {
                j.fail(JobState.ERROR, JobError.of(ErrorContext.GENERAL_QUEUE_MANAGER,
                        ErrorCodes.BG_E_MAXDOWNLOAD_TIMEOUT), now);
            } else if (reason == StopReason.BLOCKED && blocker != null && blocker.showAsError()) {
                scheduler.retryPolicy().onConditionError(j, conditionError(blocker));
                j.blockedReason(blocker.reason());
            } else {
                j.transition(JobState.QUEUED, now);
                if (reason == StopReason.BLOCKED && blocker != null) {
                    j.blockedReason(blocker.reason());
                }
                if (reason == StopReason.PREEMPTED || reason == StopReason.SLICE_END) {
                    j.sliceKey(now.toEpochMilli());
                }
            }
        });
    }

    /** §3.2 rows "active | recoverable error | TRANSIENT_ERROR" and "active | fatal | ERROR" ({@link RetryPolicy#onError}). */
    void failed(ActiveTransfer t, JobError error, boolean transientError) {
        outcome(t, s -> s.allows(JobTrigger.FAILED),
                (j, now) -> scheduler.retryPolicy().onError(j, error, transientError));
    }

    /** §3.2 row "– | all files done | TRANSFERRED". */
    void transferred(ActiveTransfer t) {
        outcome(t, s -> s.allows(JobTrigger.TRANSFERRED), (j, now) -> j.transition(JobState.TRANSFERRED, now));
    }

    /** What every worker report shares: skip a job gone or in a state {@code applies} refuses, add the active time, change. */
    private void outcome(ActiveTransfer t, Predicate<JobState> applies, BiConsumer<Job, Instant> change) {
        synchronized (lock) {
            Job job = table.find(t.job());
            if (job == null || !applies.test(job.state())) {
                return;
            }
            Instant now = now();
            long active = Duration.between(t.activeSince(), now).toMillis();
            table.update(t.job(), j -> {
                j.activeMillis(j.activeMillis() + active);
                change.accept(j, now);
            });
        }
    }

    /**
     * Records a file's durable progress (no state change) unless the job is gone, final or lost
     * the file; {@code progress} changes publish rate-limited progress instead of a
     * modification. {@code before} (the worker's batch) is committed first so this never overtakes it.
     */
    void record(JobId id, int index, Consumer<Job> change, boolean progress, Runnable before) {
        synchronized (lock) {
            before.run();
            Job current = table.find(id);
            if (current == null || current.state().isFinal() || current.files().size() <= index) {
                return;
            }
            if (progress) {
                table.progress(id, change);
            } else {
                table.update(id, change);
            }
        }
    }

    /**
     * Commits a worker's group of file records ({@link ProgressBatch}) unless the job is gone or
     * final; {@code changeForFiles} builds the change for the job's current file count.
     */
    void recordBatch(JobId id, boolean completions, IntFunction<Consumer<Job>> changeForFiles) {
        synchronized (lock) {
            Job current = table.find(id);
            if (current == null || current.state().isFinal()) {
                return;
            }
            Consumer<Job> all = changeForFiles.apply(current.files().size());
            // Finished files are a modification listeners hear of; bare progress is rate-limited.
            if (completions) {
                table.update(id, all);
            } else {
                table.progress(id, all);
            }
        }
    }

    /** Closes the store once no trigger runs any more (engine shutdown). */
    public void closeStore() {
        synchronized (lock) {
            table.store().close();
        }
    }

    // ---- validation helpers -------------------------------------------------------------

    private Job require(JobId id, Access access) {
        Job job = table.require(id);
        access.check(job);
        return job;
    }

    private Job changeable(JobId id, Access access, JobTrigger trigger) {
        Job job = require(id, access);
        if (!job.state().allows(trigger)) {
            refuseIfFinal(job);
        }
        return job;
    }

    private static void refuseIfFinal(Job job) {
        if (job.state().isFinal()) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE,
                    "The job " + job.id() + " is " + job.state().displayName() + " and can no longer be changed.");
        }
    }

    private static JobError conditionError(Blocker b) {
        return new JobError(ErrorContext.GENERAL_QUEUE_MANAGER, b.code(),
                ErrorCodes.describe(b.code()) + " " + b.reason(), null, null, null);
    }
}
