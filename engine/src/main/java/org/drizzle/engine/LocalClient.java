package org.drizzle.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.api.EffectivePolicy;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.schedule.JobLifecycle;
import org.drizzle.engine.transfer.upload.ReplyFile;

/**
 * {@link EngineClient} over a {@link LocalEngine}, acting for one caller: the access checks,
 * then the engine's {@link JobLifecycle}, which validates and changes the job. Authorization: a
 * caller sees and changes only the jobs it owns; an admin may see and change every job, list
 * all users' jobs and take ownership; anything else is E_ACCESSDENIED. The life cycle runs the
 * check under the same lock as the change, so a refusal changes nothing.
 */
final class LocalClient implements EngineClient {
    private final LocalEngine engine;
    private final Principal caller;
    private final boolean ownsEngine;
    private final JobLifecycle jobs;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    LocalClient(LocalEngine engine, Principal caller, boolean ownsEngine) {
        this.engine = engine;
        this.caller = caller;
        this.ownsEngine = ownsEngine;
        this.jobs = engine.lifecycle();
    }

    @Override
    public Principal caller() {
        return caller;
    }

    private boolean admin() {
        return engine.isAdmin(caller);
    }

    /** The access check every job operation runs: the owner or an admin, else E_ACCESSDENIED. */
    private JobLifecycle.Access access() {
        checkOpen();
        boolean admin = admin();
        return job -> {
            if (job.owner().uid() != caller.uid() && !admin) {
                throw new BitsException(ErrorCodes.E_ACCESSDENIED,
                        "Access to job " + job.id() + " is denied: it belongs to " + job.owner().account() + ".");
            }
        };
    }

    private void checkOpen() {
        if (engine.isClosed()) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE, "The engine is closed.");
        }
    }

    @Override
    public JobInfo createJob(String displayName, JobType type, JobOptions options) {
        checkOpen();
        return jobs.create(caller.asOwner(), admin(), displayName, type, options);
    }

    @Override
    public JobInfo addFile(JobId id, String remoteName, String localName, List<ByteRange> ranges) {
        return jobs.addFile(id, access(), remoteName, localName, ranges);
    }

    @Override
    public JobInfo addFileSet(JobId id, List<BgFileInfo> files) {
        return jobs.addFileSet(id, access(), files);
    }

    @Override
    public JobInfo setProperties(JobId id, JobOptions changes) {
        return jobs.setProperties(id, access(), changes);
    }

    @Override
    public JobInfo setRemoteName(JobId id, int fileIndex, String remoteName) {
        return jobs.setRemoteName(id, access(), fileIndex, remoteName);
    }

    @Override
    public JobInfo replaceRemotePrefix(JobId id, String oldPrefix, String newPrefix) {
        return jobs.replaceRemotePrefix(id, access(), oldPrefix, newPrefix);
    }

    @Override
    public JobInfo resume(JobId id) {
        return jobs.resume(id, access());
    }

    @Override
    public JobInfo suspend(JobId id) {
        return jobs.suspend(id, access());
    }

    @Override
    public CompleteResult complete(JobId id) {
        return jobs.complete(id, access(), engine.config().scheduler().stopTimeout());
    }

    @Override
    public JobInfo cancel(JobId id) {
        return jobs.cancel(id, access(), engine.config().scheduler().stopTimeout());
    }

    @Override
    public JobInfo takeOwnership(JobId id) {
        checkOpen();
        if (!admin()) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED,
                    "Only an administrator may take ownership of job " + id + ".");
        }
        return jobs.takeOwnership(id, access(), caller.asOwner());
    }

    @Override
    public JobInfo getJob(JobId id) {
        return jobs.info(id, access());
    }

    @Override
    public List<JobInfo> listJobs(boolean allUsers) {
        checkOpen();
        if (allUsers && !admin()) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED, "Only an administrator may list all users' jobs.");
        }
        return jobs.list(allUsers ? null : caller.uid(), s -> !s.isFinal());
    }

    /** Running jobs are CONNECTING or TRANSFERRING ones; an admin sees every user's. */
    @Override
    public BandwidthReport bandwidth() {
        checkOpen();
        List<JobInfo> running = jobs.list(admin() ? null : caller.uid(), JobState::isActive);
        // The estimator and governor take their own locks: read them outside the engine's.
        return engine.bandwidthReporter().report(engine.clock().instant(), running);
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

    /** GetReplyData of an UploadReply job, read with the owner's identity (at most 1 MB). */
    @Override
    public byte[] getReplyData(JobId id) {
        Job job = jobs.job(id, access());
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
