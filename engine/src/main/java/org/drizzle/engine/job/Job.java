package org.drizzle.engine.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.policy.Priority;

/**
 * A BITS job as the engine keeps it: every IBackgroundCopyJob property, its files, its secrets
 * and the scheduler's bookkeeping (retry time, last progress, active time). Engine-internal and
 * mutable, guarded by the engine's job-table lock; changes are made on a {@link #copy()} and
 * swapped in only after the store committed them, so a refused or failed change leaves nothing
 * behind. Clients see {@link JobInfo} snapshots without secrets.
 */
public final class Job {
    public static final long DEFAULT_MINIMUM_RETRY_DELAY = 600;
    public static final long DEFAULT_NO_PROGRESS_TIMEOUT = 1_209_600;

    JobId id;
    String displayName;
    String description = "";
    JobType type;
    Priority priority = Priority.NORMAL;
    JobState state = JobState.SUSPENDED;
    Owner owner;
    Instant creationTime;
    Instant modificationTime;
    Instant transferCompletionTime;
    JobError error;
    int errorCount;
    long minimumRetryDelay = DEFAULT_MINIMUM_RETRY_DELAY;
    long noProgressTimeout = DEFAULT_NO_PROGRESS_TIMEOUT;
    /** Null: the policy's MaxDownloadTime applies. */
    Long maxDownloadTime;
    int notifyFlags = NotifyFlags.DEFAULT;
    List<String> notifyCmdLine = List.of();
    ProxyUsage proxyUsage = ProxyUsage.SYSTEM_DEFAULT;
    List<String> proxyList = List.of();
    List<String> proxyBypass = List.of();
    List<Credential> credentials = List.of();
    List<String> customHeaders = List.of();
    boolean customHeadersWriteOnly;
    int securityFlags;
    /** 0: not set; the policy's TransferPolicy for the priority applies, else Always (CostRunCondition). */
    int transferPolicy;
    boolean dynamic;
    String httpMethod = "GET";
    int aclFlags;
    ClientCertificate clientCertificate;
    String replyFileName;
    long replyBytesTotal = JobProgress.UNKNOWN;
    long replyBytesTransferred;
    /** Set by the first Resume; HttpMethod and Dynamic are fixed from then on. */
    boolean everResumed;
    /** Creation order, for FIFO among equals. */
    long sequence;
    /** TRANSIENT_ERROR: when the next attempt may start (null: when the blocking condition clears). */
    Instant retryAt;
    /** Last time bytes moved (or the job was resumed): NoProgressTimeout counts from here. */
    Instant lastProgressTime;
    /** CONNECTING/TRANSFERRING time already spent since the last Resume (MaxDownloadTime). */
    long activeMillis;
    /** When the job reached ACKNOWLEDGED/CANCELLED; purged after the retention. */
    Instant finalTime;
    /** Why a QUEUED/TRANSIENT_ERROR job is not moving; not an error object. */
    String blockedReason;
    /** Round-robin key: when the job last gave up a time slice (0 = never ran), ordering equals in the queue. */
    long sliceKey;
    /** When a condition wait began (not counted against NoProgressTimeout), else null. */
    Instant conditionSince;
    /** StartSpread: the first start waits a random 0..this many seconds after the first Resume (null: not set). */
    Long startSpread;
    /** When the first start may happen (set at the first Resume from startSpread), else null. */
    Instant startAfter;

    @JsonIgnore
    List<JobFile> files = new ArrayList<>();

    /** For Jackson. */
    Job() {
    }

    /** CreateJob: a SUSPENDED job with no files. */
    public Job(JobId id, String displayName, JobType type, Owner owner, Instant now, long sequence) {
        this.id = id;
        this.displayName = displayName;
        this.type = type;
        this.owner = owner;
        this.creationTime = now;
        this.modificationTime = now;
        this.lastProgressTime = now;
        this.sequence = sequence;
    }

    /** A deep copy (files included) to change and commit, or throw away. */
    public Job copy() {
        Job j = copyWithoutFiles();
        j.files = new ArrayList<>(files.size());
        for (JobFile f : files) {
            j.files.add(f.copy());
        }
        return j;
    }

    private Job copyWithoutFiles() {
        Job j = new Job();
        j.id = id;
        j.displayName = displayName;
        j.description = description;
        j.type = type;
        j.priority = priority;
        j.state = state;
        j.owner = owner;
        j.creationTime = creationTime;
        j.modificationTime = modificationTime;
        j.transferCompletionTime = transferCompletionTime;
        j.error = error;
        j.errorCount = errorCount;
        j.minimumRetryDelay = minimumRetryDelay;
        j.noProgressTimeout = noProgressTimeout;
        j.maxDownloadTime = maxDownloadTime;
        j.notifyFlags = notifyFlags;
        j.notifyCmdLine = notifyCmdLine;
        j.proxyUsage = proxyUsage;
        j.proxyList = proxyList;
        j.proxyBypass = proxyBypass;
        j.credentials = credentials;
        j.customHeaders = customHeaders;
        j.customHeadersWriteOnly = customHeadersWriteOnly;
        j.securityFlags = securityFlags;
        j.transferPolicy = transferPolicy;
        j.dynamic = dynamic;
        j.httpMethod = httpMethod;
        j.aclFlags = aclFlags;
        j.clientCertificate = clientCertificate;
        j.replyFileName = replyFileName;
        j.replyBytesTotal = replyBytesTotal;
        j.replyBytesTransferred = replyBytesTransferred;
        j.everResumed = everResumed;
        j.sequence = sequence;
        j.retryAt = retryAt;
        j.lastProgressTime = lastProgressTime;
        j.activeMillis = activeMillis;
        j.finalTime = finalTime;
        j.blockedReason = blockedReason;
        j.sliceKey = sliceKey;
        j.conditionSince = conditionSince;
        j.startSpread = startSpread;
        j.startAfter = startAfter;
        return j;
    }

    /**
     * The client snapshot: credentials as "Target/Scheme user", custom headers hidden once
     * write-only, the client certificate as its path only.
     *
     * @param policyMaxDownloadTime shown when the job has no MaxDownloadTime of its own
     * @param currentRate bytes/s over the last two seconds, 0 when idle
     */
    public JobInfo toInfo(Duration policyMaxDownloadTime, long currentRate) {
        List<JobFileInfo> infos = new ArrayList<>(files.size());
        for (JobFile f : files) {
            infos.add(f.toInfo());
        }
        List<String> creds = new ArrayList<>();
        for (Credential c : credentials) {
            creds.add(Names.pascal(c.target().name()) + "/" + c.scheme().displayName() + " " + c.userName());
        }
        return new JobInfo(id, displayName, description, type, priority, state, owner, List.copyOf(infos),
                progress(), creationTime, modificationTime, transferCompletionTime,
                state.hasError() ? error : null, errorCount, minimumRetryDelay, noProgressTimeout,
                effectiveMaxDownloadTime(policyMaxDownloadTime), notifyFlags, notifyCmdLine, proxyUsage,
                proxyList, proxyBypass, List.copyOf(creds), customHeadersWriteOnly ? null : customHeaders,
                customHeadersWriteOnly, securityFlags, transferPolicy, dynamic, httpMethod, aclFlags,
                clientCertificate == null ? null : clientCertificate.pkcs12Path(), replyFileName,
                type == JobType.UPLOAD_REPLY ? new JobProgress(replyBytesTotal, replyBytesTransferred, 1,
                        replyBytesTotal >= 0 && replyBytesTransferred == replyBytesTotal ? 1 : 0) : null,
                blockedReason, state == JobState.TRANSFERRING ? currentRate : 0,
                state == JobState.TRANSIENT_ERROR ? retryAt : null);
    }

    /** BG_JOB_PROGRESS: BytesTotal stays unknown while any file's size is unknown. */
    public JobProgress progress() {
        long total = 0;
        long done = 0;
        int finished = 0;
        boolean unknown = false;
        for (JobFile f : files) {
            if (f.bytesTotal() < 0) {
                unknown = true;
            } else {
                total += f.bytesTotal();
            }
            done += f.bytesTransferred();
            if (f.completed()) {
                finished++;
            }
        }
        return new JobProgress(unknown ? JobProgress.UNKNOWN : total, done, files.size(), finished);
    }

    /** Seconds; 0 means no limit. */
    public long effectiveMaxDownloadTime(Duration policy) {
        return maxDownloadTime != null ? maxDownloadTime : policy.toSeconds();
    }

    /** The first file not yet transferred, or -1 when every file is done. */
    public int nextFileIndex() {
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).completed()) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the job to {@code next}, refusing what §3.2 does not allow, and stamps the modification time. */
    public void transition(JobState next, Instant now) {
        if (next != state && !state.canTransitionTo(next)) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE,
                    "The job " + id + " cannot go from " + state.displayName() + " to " + next.displayName() + ".");
        }
        state = next;
        modificationTime = now;
        if (next.isFinal()) {
            finalTime = now;
        }
        if (next == JobState.TRANSFERRED) {
            transferCompletionTime = now;
        }
        if (!next.hasError()) {
            retryAt = null;
        }
        if (next != JobState.QUEUED && next != JobState.TRANSIENT_ERROR) {
            blockedReason = null;
        }
    }

    /** Records an error and moves to ERROR or TRANSIENT_ERROR. */
    public void fail(JobState next, JobError err, Instant now) {
        transition(next, now);
        error = err;
        errorCount++;
    }

    // Accessors used by the store, scheduler and engine (the job package sets the rest).

    public JobId id() { return id; }
    public String displayName() { return displayName; }
    public JobType type() { return type; }
    public Priority priority() { return priority; }
    public JobState state() { return state; }
    public Owner owner() { return owner; }
    public void owner(Owner v) { owner = v; }
    public List<JobFile> files() { return files; }
    public void files(List<JobFile> v) { files = v; }
    public JobError error() { return error; }
    public int errorCount() { return errorCount; }
    public Instant creationTime() { return creationTime; }
    public Instant modificationTime() { return modificationTime; }
    public void touch(Instant now) { modificationTime = now; }
    public long minimumRetryDelay() { return minimumRetryDelay; }
    public long noProgressTimeout() { return noProgressTimeout; }
    public int notifyFlags() { return notifyFlags; }
    public List<String> notifyCmdLine() { return notifyCmdLine; }
    public List<Credential> credentials() { return credentials; }
    public List<String> customHeaders() { return customHeaders; }
    public ClientCertificate clientCertificate() { return clientCertificate; }
    public boolean dynamic() { return dynamic; }
    public String httpMethod() { return httpMethod; }
    public String replyFileName() { return replyFileName; }
    public void replyFileName(String v) { replyFileName = v; }
    public void replyProgress(long total, long transferred) { replyBytesTotal = total; replyBytesTransferred = transferred; }
    public boolean everResumed() { return everResumed; }
    public void everResumed(boolean v) { everResumed = v; }
    public long sequence() { return sequence; }
    public Instant retryAt() { return retryAt; }
    public void retryAt(Instant v) { retryAt = v; }
    public Instant lastProgressTime() { return lastProgressTime; }
    public void lastProgressTime(Instant v) { lastProgressTime = v; }
    public long activeMillis() { return activeMillis; }
    public void activeMillis(long v) { activeMillis = v; }
    public Instant finalTime() { return finalTime; }
    public String blockedReason() { return blockedReason; }
    public void blockedReason(String v) { blockedReason = v; }
    public int transferPolicy() { return transferPolicy; }
    public long sliceKey() { return sliceKey; }
    public void sliceKey(long v) { sliceKey = v; }
    public Instant conditionSince() { return conditionSince; }
    public void conditionSince(Instant v) { conditionSince = v; }
    public Long startSpread() { return startSpread; }
    public Instant startAfter() { return startAfter; }
    public void startAfter(Instant v) { startAfter = v; }
    public Long ownMaxDownloadTime() { return maxDownloadTime; }

    /** TakeOwnership: the new owner gets the job without the old owner's secrets or command line. */
    public void takeOwnership(Owner newOwner, Instant now) {
        owner = newOwner;
        credentials = List.of();
        customHeaders = List.of();
        customHeadersWriteOnly = false;
        clientCertificate = null;
        notifyCmdLine = List.of();
        modificationTime = now;
    }
}
