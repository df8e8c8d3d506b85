package org.drizzle.cmdlets.bits;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.drizzle.cmdlets.format.DefaultView;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.grouppolicy.ShownTransferPolicy;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobError;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.policy.Priority;

/**
 * The BitsJob object the cmdlets output: a live view of one job, as in PowerShell. Every
 * property read returns current engine state, member names are case-insensitive, and enum values are
 * the engine's enums, which print and compare as their PowerShell spellings (TransientError).
 */
public final class BitsJob implements PropertyBag, DefaultView {
    /** UInt64.MaxValue: what BytesTotal reads while a size is unknown. */
    public static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");
    /** How long one answer serves the reads of one expression (a polling loop sleeps longer). */
    static final long SAME_READ_MILLIS = 50;
    /** Counts snapshot changes seen by any BitsJob in this process. */
    private static final AtomicLong CHANGES = new AtomicLong();

    private static final List<String> NAMES = List.of("JobId", "DisplayName", "Description", "TransferType",
            "JobState", "OwnerAccount", "Priority", "TransferPolicy", "FilesTotal", "FilesTransferred",
            "BytesTotal", "BytesTransferred", "BytesPerSecond", "CreationTime", "ModificationTime", "TransferCompletionTime",
            "ErrorContext", "ErrorCondition", "InternalErrorCode", "ErrorContextDescription", "ErrorDescription",
            "ErrorCount", "FileList", "RetryInterval", "RetryTimeout", "MaxDownloadTime", "NotifyFlags",
            "NotifyCmdLine", "ProxyUsage", "ProxyList", "ProxyBypassList", "CustomHeaders", "SecurityFlags",
            "Dynamic", "HttpMethod", "ReplyFileName", "BlockedReason", "NextRetryTime");
    private static final List<String> DEFAULT_VIEW =
            List.of("JobId", "DisplayName", "TransferType", "JobState", "OwnerAccount");

    private final EngineClient engine;
    private final JobId id;
    private JobInfo info;
    private long fetchedAt;
    private long seenChanges;

    public BitsJob(EngineClient engine, JobInfo info) {
        this.engine = engine;
        this.id = info.id();
        // A first snapshot is no change: counting it would make every BitsJob of a listing of
        // 10 000 jobs ask the engine again for each job the table formats.
        this.info = info;
        this.fetchedAt = System.nanoTime();
        this.seenChanges = CHANGES.get();
    }

    public JobId id() {
        return id;
    }

    /**
     * The engine's current view of the job, as PowerShell's BitsJob reads the live COM job: a
     * script polling {@code $job.JobState} sees what Get-BitsTransfer shows. Reads within
     * {@value #SAME_READ_MILLIS} ms share one answer unless a job changed meanwhile through any
     * BitsJob of this process, so the two reads of Microsoft's documented
     * loop ({@code $job.JobState -eq 'Transferring' -or $job.JobState -eq 'Connecting'}) agree
     * instead of straddling the Connecting-to-Transferring step and ending the loop.
     */
    public synchronized JobInfo info() {
        if (seenChanges != CHANGES.get() || System.nanoTime() - fetchedAt > SAME_READ_MILLIS * 1_000_000L) {
            try {
                update(engine.getJob(id));
            } catch (BitsException e) {
                // Removed or completed elsewhere: like a cached PowerShell job object, keep the last state.
                fetchedAt = System.nanoTime();
            }
        }
        return info;
    }

    /**
     * Replaces the snapshot with one an engine call just returned. A snapshot that differs from
     * this object's last one (a change made through another BitsJob, or seen by it) makes every
     * BitsJob ask the engine again on its next read.
     */
    public synchronized void update(JobInfo fresh) {
        if (!fresh.equals(info)) {
            CHANGES.incrementAndGet();
        }
        this.info = fresh;
        this.fetchedAt = System.nanoTime();
        this.seenChanges = CHANGES.get();
    }

    EngineClient engine() {
        return engine;
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public List<String> defaultProperties() {
        return DEFAULT_VIEW;
    }

    @Override
    public Object getProperty(String name) {
        JobInfo j = info();
        JobError e = j.error();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jobid" -> j.id().uuid();
            case "displayname" -> j.displayName();
            case "description" -> j.description();
            case "transfertype" -> j.type();
            case "jobstate" -> j.state();
            case "owneraccount" -> j.owner() == null ? null : j.owner().account();
            case "priority" -> j.priority();
            case "transferpolicy" -> CostFlags.format(ShownTransferPolicy.of(j));
            case "filestotal" -> j.progress().filesTotal();
            case "filestransferred" -> j.progress().filesTransferred();
            case "bytestotal" -> BitsFile.bytes(j.progress().bytesTotal());
            case "bytestransferred" -> j.progress().bytesTransferred();
            case "bytespersecond" -> j.currentRate();
            case "creationtime" -> local(j.creationTime());
            case "modificationtime" -> local(j.modificationTime());
            case "transfercompletiontime" -> local(j.transferCompletionTime());
            case "errorcontext" -> (e == null ? ErrorContext.NONE : e.context()).displayName();
            case "errorcondition" -> e == null ? null : ErrorCodes.name(e.code());
            case "internalerrorcode" -> e == null ? 0 : e.code();
            case "errorcontextdescription" -> e == null ? null : e.context().description();
            case "errordescription" -> e == null ? null : e.description();
            case "errorcount" -> j.errorCount();
            case "filelist" -> j.files().stream().map(BitsFile::new).toList();
            case "retryinterval" -> (int) j.minimumRetryDelay();
            case "retrytimeout" -> (int) j.noProgressTimeout();
            case "maxdownloadtime" -> (int) j.maxDownloadTime();
            case "notifyflags" -> j.notifyFlags();
            case "notifycmdline" -> array(j.notifyCmdLine());
            case "proxyusage" -> j.proxyUsage();
            case "proxylist" -> array(j.proxyList());
            case "proxybypasslist" -> array(j.proxyBypass());
            case "customheaders" -> j.customHeadersWriteOnly() ? null : array(j.customHeaders());
            case "securityflags" -> j.securityFlags();
            case "dynamic" -> j.dynamic();
            case "httpmethod" -> j.httpMethod();
            case "replyfilename" -> j.replyFileName();
            case "blockedreason" -> j.blockedReason();
            case "nextretrytime" -> local(j.nextRetryTime());
            default -> null;
        };
    }

    /** {@code $job.Description = '...'}: DisplayName, Description and Priority are settable. */
    @Override
    public void setProperty(String name, Object value) {
        JobOptions o = new JobOptions();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "displayname" -> o.displayName(LanguagePrimitives.toStr(value));
            case "description" -> o.description(LanguagePrimitives.toStr(value));
            case "priority" -> o.priority(LanguagePrimitives.toEnum(Priority.class, value));
            default -> PropertyBag.super.setProperty(name, value);
        }
        update(engine.setProperties(id, o));
    }

    /** BitsJob.Dispose(), which scripts call when done with a job object; there is nothing to release. */
    public void dispose() {
        // The object holds no engine resources beyond the shared client.
    }

    private static OffsetDateTime local(Instant t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    /** The job id, as PowerShell prints a job in a string. */
    @Override
    public String toString() {
        return id.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitsJob b && b.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
