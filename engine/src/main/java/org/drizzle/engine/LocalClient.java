package org.drizzle.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.api.EffectivePolicy;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.bandwidth.PolicyService;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobRules;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.transfer.upload.ReplyFile;
import org.drizzle.engine.schedule.ActiveTransfer;
import org.drizzle.engine.schedule.StartSpread;
import org.drizzle.engine.schedule.StopReason;
import org.drizzle.engine.schedule.TempFiles;
import org.drizzle.engine.store.JobTable;

/**
 * {@link EngineClient} over a {@link LocalEngine}, acting for one caller. Authorization: a
 * caller sees and changes only the jobs it owns; an admin may see and change every job, list
 * all users' jobs and take ownership; anything else is E_ACCESSDENIED. Each call checks and
 * changes the job under the engine lock (refusals change nothing); file work (renames,
 * deletes) and waiting for a transfer to stop happen outside it.
 */
final class LocalClient implements EngineClient {
    private final LocalEngine engine;
    private final Principal caller;
    private final boolean ownsEngine;
    private final JobTable table;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    LocalClient(LocalEngine engine, Principal caller, boolean ownsEngine) {
        this.engine = engine;
        this.caller = caller;
        this.ownsEngine = ownsEngine;
        this.table = engine.table();
    }

    @Override
    public Principal caller() {
        return caller;
    }

    private boolean admin() {
        return engine.isAdmin(caller);
    }

    private Instant now() {
        return engine.clock().instant();
    }

    /** The job if the caller may act on it (owner or admin), else BG_E_NOT_FOUND / E_ACCESSDENIED. */
    private Job accessible(JobId id) {
        checkOpen();
        Job job = table.require(id);
        if (job.owner().uid() != caller.uid() && !admin()) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED,
                    "Access to job " + id + " is denied: it belongs to " + job.owner().account() + ".");
        }
        return job;
    }

    private Job changeable(JobId id) {
        Job job = accessible(id);
        if (job.state().isFinal()) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE,
                    "The job " + id + " is " + job.state().displayName() + " and can no longer be changed.");
        }
        return job;
    }

    private void checkOpen() {
        if (engine.isClosed()) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE, "The engine is closed.");
        }
    }

    @Override
    public JobInfo createJob(String displayName, JobType type, JobOptions options) {
        JobRules.checkDisplayName(displayName);
        synchronized (table) {
            checkOpen();
            if (!admin()) {
                JobLimits limits = engine.config().limits().get();
                int mine = table.unfinishedOwnedBy(caller.uid());
                if (mine >= limits.maxJobsPerUser()) {
                    throw new BitsException(ErrorCodes.BG_E_TOO_MANY_JOBS_PER_USER, caller.name() + " already has "
                            + mine + " jobs; MaxJobsPerUser is " + limits.maxJobsPerUser() + ".");
                }
                if (table.unfinished() >= limits.maxJobsPerMachine()) {
                    throw new BitsException(ErrorCodes.BG_E_TOO_MANY_JOBS_PER_MACHINE, "The computer already has "
                            + table.unfinished() + " jobs; MaxJobsPerMachine is " + limits.maxJobsPerMachine() + ".");
                }
            }
            Job job = new Job(JobId.random(), displayName, type == null ? JobType.DOWNLOAD : type,
                    caller.asOwner(), now(), table.nextSequence());
            JobRules.apply(job, options);
            return table.insert(job);
        }
    }

    @Override
    public JobInfo addFile(JobId id, String remoteName, String localName, List<ByteRange> ranges) {
        synchronized (table) {
            Job job = changeable(id);
            JobType type = job.type();
            if (type.isUpload() && !job.files().isEmpty()) {
                throw new BitsException(ErrorCodes.BG_E_TOO_MANY_FILES,
                        "Upload jobs can contain only one file; job " + id + " already has " + job.files().size() + ".");
            }
            long max = engine.config().limits().get().maxFilesPerJob();
            if (job.files().size() >= max) {
                throw new BitsException(ErrorCodes.BG_E_TOO_MANY_FILES_IN_JOB,
                        "Job " + id + " already has " + job.files().size() + " files; MaxFilesPerJob is " + max + ".");
            }
            String remoteUrl = JobRules.canonicalRemoteName(remoteName);
            URI remote = JobRules.checkRemoteName(remoteUrl, type);
            List<ByteRange> checked = JobRules.checkRanges(job, remote, ranges,
                    engine.config().limits().get().maxRangesPerFile());
            Path local = checkLocal(job, localName, type.isUpload());
            for (JobFile f : job.files()) {
                if (Path.of(f.localName()).equals(local)) {
                    throw new BitsException(ErrorCodes.E_INVALIDARG,
                            "The local name '" + localName + "' is already used by another file of job " + id + ".");
                }
            }
            String temp = type.isUpload() ? null : newTemporaryName(job, local);
            long uploadSize = type.isUpload() ? sizeOf(job, local) : -1;
            Job updated = table.update(id, j -> {
                JobFile f = new JobFile(remoteUrl, local.toString(), checked, temp);
                if (uploadSize >= 0) {
                    f.bytesTotal(uploadSize);
                }
                j.files().add(f);
                j.touch(now());
            });
            return table.info(updated);
        }
    }

    private Path checkLocal(Job job, String localName, boolean mustExist) {
        try {
            return engine.config().impersonator().runAs(job.owner(), () -> JobRules.checkLocalName(localName, mustExist));
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED, "Cannot check the local name '" + localName
                    + "' as " + job.owner().account() + ": " + e.getMessage(), e);
        }
    }

    /** An upload's BytesTotal: the source file's size, read as the owner under the rules of its later open. */
    private long sizeOf(Job job, Path local) {
        try {
            return new OwnerFiles(engine.config().impersonator()).attributes(job.owner(), local).size();
        } catch (java.nio.file.AccessDeniedException e) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED, "Cannot read '" + local + "' with the owner's rights"
                    + (e.getReason() == null ? "" : " (it " + e.getReason() + ")") + ".", e);
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.ERROR_FILE_NOT_FOUND, "Cannot read the size of '" + local + "': " + e.getMessage(), e);
        }
    }

    /** A BIT&lt;hex&gt;.tmp name unused by any job's file and not present on disk. */
    private String newTemporaryName(Job job, Path local) {
        Set<String> taken = new HashSet<>();
        for (JobFile f : job.files()) {
            taken.add(f.temporaryName());
        }
        for (int attempt = 0; ; attempt++) {
            String name = JobRules.temporaryName(local, ThreadLocalRandom.current().nextLong());
            boolean exists;
            try {
                exists = engine.config().impersonator().runAs(job.owner(), () -> Files.exists(Path.of(name)));
            } catch (IOException e) {
                exists = true;
            }
            if (!taken.contains(name) && !exists) {
                return name;
            }
            if (attempt > 100) {
                throw new BitsException(ErrorCodes.E_FAIL, "Cannot find a free temporary file name in " + local.getParent());
            }
        }
    }

    @Override
    public JobInfo setProperties(JobId id, JobOptions changes) {
        synchronized (table) {
            Job old = changeable(id);
            Job updated = table.update(id, j -> {
                JobRules.apply(j, changes);
                j.touch(now());
            });
            if (updated.priority() != old.priority()) {
                // A running job re-enters the queue in its new class (pre-emption rules apply).
                engine.scheduler().requestStop(id, StopReason.PREEMPTED);
            }
            engine.scheduler().wake();
            return table.info(updated);
        }
    }

    @Override
    public JobInfo setRemoteName(JobId id, int fileIndex, String remoteName) {
        synchronized (table) {
            Job job = changeable(id);
            if (job.type() != JobType.DOWNLOAD) {
                throw new BitsException(ErrorCodes.E_INVALIDARG, "SetRemoteName applies to download jobs only.");
            }
            if (fileIndex < 0 || fileIndex >= job.files().size()) {
                throw new BitsException(ErrorCodes.E_INVALIDARG,
                        "File index " + fileIndex + " is outside 0.." + (job.files().size() - 1) + ".");
            }
            String remoteUrl = JobRules.canonicalRemoteName(remoteName);
            JobRules.checkRemoteName(remoteUrl, job.type());
            return table.info(table.update(id, j -> {
                j.files().get(fileIndex).remoteName(remoteUrl);
                j.touch(now());
            }));
        }
    }

    @Override
    public JobInfo replaceRemotePrefix(JobId id, String oldPrefix, String newPrefix) {
        synchronized (table) {
            Job job = changeable(id);
            if (job.type() != JobType.DOWNLOAD) {
                throw new BitsException(ErrorCodes.E_INVALIDARG, "ReplaceRemotePrefix applies to download jobs only.");
            }
            if (oldPrefix == null || oldPrefix.isEmpty() || newPrefix == null) {
                throw new BitsException(ErrorCodes.E_INVALIDARG, "ReplaceRemotePrefix needs a non-empty old prefix and a new prefix.");
            }
            List<String> renamed = new ArrayList<>();
            for (JobFile f : job.files()) {
                String r = JobRules.canonicalRemoteName(f.remoteName().startsWith(oldPrefix)
                        ? newPrefix + f.remoteName().substring(oldPrefix.length()) : f.remoteName());
                JobRules.checkRemoteName(r, job.type());
                renamed.add(r);
            }
            return table.info(table.update(id, j -> {
                for (int i = 0; i < renamed.size(); i++) {
                    j.files().get(i).remoteName(renamed.get(i));
                }
                j.touch(now());
            }));
        }
    }

    @Override
    public JobInfo resume(JobId id) {
        synchronized (table) {
            Job job = changeable(id);
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
                j.startAfter(StartSpread.firstStart(j, now, engine.config().limits().get().startSpread()));
                j.everResumed(true);
                j.activeMillis(0);
                j.lastProgressTime(now);
                j.conditionSince(null);
                j.transition(JobState.QUEUED, now);
            });
            engine.scheduler().wake();
            return table.info(updated);
        }
    }

    @Override
    public JobInfo suspend(JobId id) {
        synchronized (table) {
            Job job = changeable(id);
            if (job.state() == JobState.SUSPENDED) {
                return table.info(job);
            }
            Job updated = table.update(id, j -> j.transition(JobState.SUSPENDED, now()));
            engine.scheduler().requestStop(id, StopReason.SUSPEND);
            return table.info(updated);
        }
    }

    @Override
    public CompleteResult complete(JobId id) {
        ActiveTransfer running;
        synchronized (table) {
            Job job = changeable(id);
            if (job.type().isUpload() && job.state() != JobState.TRANSFERRED) {
                throw new BitsException(ErrorCodes.BG_E_INVALID_STATE, "Upload job " + id + " can be completed only when"
                        + " Transferred; it is " + job.state().displayName() + ".");
            }
            engine.scheduler().hold(id);
            running = engine.scheduler().requestStop(id, StopReason.COMPLETE);
        }
        try {
            awaitStop(running);
            Job snapshot;
            synchronized (table) {
                snapshot = table.require(id).copy();
            }
            List<Integer> committed;
            try {
                committed = engine.tempFiles().commit(snapshot);
            } catch (TempFiles.CommitFailure failure) {
                synchronized (table) {
                    table.update(id, j -> failure.committed().forEach(i -> j.files().get(i).committed(true)));
                }
                throw failure.error();
            }
            committed.forEach(i -> snapshot.files().get(i).committed(true));
            int undeleted = engine.tempFiles().delete(snapshot, true);
            boolean partial = snapshot.type() == JobType.DOWNLOAD && !TempFiles.allFinished(snapshot);
            synchronized (table) {
                Job done = table.update(id, j -> {
                    committed.forEach(i -> j.files().get(i).committed(true));
                    j.transition(JobState.ACKNOWLEDGED, now());
                });
                int status = undeleted > 0 ? ErrorCodes.BG_S_UNABLE_TO_DELETE_FILES
                        : partial ? ErrorCodes.BG_S_PARTIAL_COMPLETE : ErrorCodes.S_OK;
                return new CompleteResult(status, table.info(done));
            }
        } finally {
            engine.scheduler().release(id);
        }
    }

    @Override
    public JobInfo cancel(JobId id) {
        ActiveTransfer running;
        Job cancelled;
        synchronized (table) {
            changeable(id);
            cancelled = table.update(id, j -> j.transition(JobState.CANCELLED, now()));
            running = engine.scheduler().requestStop(id, StopReason.CANCEL);
        }
        if (running != null && !running.awaitDone(engine.config().scheduler().stopTimeout().toMillis())) {
            // The job is already CANCELLED: its worker can no longer record anything; delete regardless.
            org.slf4j.LoggerFactory.getLogger(LocalClient.class).warn("transfer of cancelled job {} did not stop in time", id);
        }
        // With the worker stopped, the stored upload session is final: tell the server to drop the partial upload.
        UploadCancels.sendAndWait(engine.transports(), table.store(), cancelled);
        engine.tempFiles().delete(cancelled, false);
        synchronized (table) {
            return table.info(cancelled);
        }
    }

    private void awaitStop(ActiveTransfer running) {
        if (running != null && !running.awaitDone(engine.config().scheduler().stopTimeout().toMillis())) {
            throw new BitsException(ErrorCodes.E_FAIL, "The transfer of job " + running.job()
                    + " did not stop within " + engine.config().scheduler().stopTimeout() + ".");
        }
    }

    @Override
    public JobInfo takeOwnership(JobId id) {
        synchronized (table) {
            checkOpen();
            if (!admin()) {
                throw new BitsException(ErrorCodes.E_ACCESSDENIED,
                        "Only an administrator may take ownership of job " + id + ".");
            }
            changeable(id);
            Job updated = table.update(id, j -> j.takeOwnership(caller.asOwner(), now()));
            // The transfer restarts with the new owner's identity.
            engine.scheduler().requestStop(id, StopReason.PREEMPTED);
            return table.info(updated);
        }
    }

    @Override
    public JobInfo getJob(JobId id) {
        synchronized (table) {
            return table.info(accessible(id));
        }
    }

    @Override
    public List<JobInfo> listJobs(boolean allUsers) {
        synchronized (table) {
            checkOpen();
            if (allUsers && !admin()) {
                throw new BitsException(ErrorCodes.E_ACCESSDENIED, "Only an administrator may list all users' jobs.");
            }
            List<Job> jobs = allUsers ? table.all() : table.ownedBy(caller.uid());
            List<JobInfo> out = new ArrayList<>(jobs.size());
            for (Job j : jobs) {
                if (!j.state().isFinal()) {
                    out.add(table.info(j));
                }
            }
            return out;
        }
    }

    /** Running jobs are CONNECTING or TRANSFERRING ones; an admin sees every user's. */
    @Override
    public BandwidthReport bandwidth() {
        List<JobInfo> running = new ArrayList<>();
        synchronized (table) {
            checkOpen();
            for (Job j : admin() ? table.all() : table.ownedBy(caller.uid())) {
                if (j.state() == JobState.CONNECTING || j.state() == JobState.TRANSFERRING) {
                    running.add(table.info(j));
                }
            }
        }
        // The estimator and governor take their own locks: read them outside the engine's.
        return engine.bandwidthReporter().report(now(), running);
    }

    /** Any caller may see the policy: it is what Get-BitsPolicy reads from the files anyway. */
    @Override
    public EffectivePolicy effectivePolicy() {
        checkOpen();
        PolicyService policy = engine.policyService();
        if (policy == null) {
            return EngineClient.super.effectivePolicy();
        }
        return policy.effective();
    }

    @Override
    public byte[] getReplyData(JobId id) {
        Job job;
        synchronized (table) {
            job = accessible(id);
        }
        if (job.type() != JobType.UPLOAD_REPLY) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "Job " + id + " is not an UploadReply job.");
        }
        String reply = job.replyFileName();
        if (reply == null) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE, "Job " + id + " has no reply yet.");
        }
        return ReplyFile.read(engine.config().impersonator(), job.owner(), reply);
    }

    @Override
    public Subscription subscribe(JobListener listener) {
        checkOpen();
        boolean admin = admin();
        Subscription s = engine.events().subscribe(info -> admin || info.owner().uid() == caller.uid(), listener);
        subscriptions.add(s);
        return () -> {
            s.close();
            subscriptions.remove(s);
        };
    }

    @Override
    public void close() {
        for (Subscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
        if (ownsEngine) {
            engine.close();
        }
    }
}
