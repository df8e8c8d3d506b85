package org.drizzle.engine.job;

import java.util.List;
import org.drizzle.policy.Priority;

/**
 * The settable properties of a job (Start-/Set-BitsTransfer options, IBackgroundCopyJob setters).
 * A null field means "leave unchanged" (or "use the default" on create); the engine validates
 * every set field before changing anything. Mutable, Jackson-friendly (it crosses the IPC).
 */
public class JobOptions {
    public String displayName;
    public String description;
    public Priority priority;
    /** TransferPolicy cost mask ({@link CostFlags}). */
    public Integer transferPolicy;
    /** MinimumRetryDelay / RetryInterval, seconds (min 5). */
    public Long minimumRetryDelay;
    /** NoProgressTimeout / RetryTimeout, seconds (0 = no retries). */
    public Long noProgressTimeout;
    /** MaximumDownloadTime, seconds. */
    public Long maxDownloadTime;
    public Integer notifyFlags;
    /** Program (absolute path) then its arguments; argv[0] is the program. Empty list clears. */
    public List<String> notifyCmdLine;
    public ProxyUsage proxyUsage;
    public List<String> proxyList;
    public List<String> proxyBypass;
    /** Set or replace per (target, scheme); a credential with a null user name removes it. */
    public List<Credential> credentials;
    /** "Name: value" lines. Empty list clears. */
    public List<String> customHeaders;
    /** Once true, never false again (HttpOptions3). */
    public Boolean customHeadersWriteOnly;
    public Integer securityFlags;
    /** DYNAMIC_CONTENT: no size or Range needed; interruptions restart the file at 0. */
    public Boolean dynamic;
    /** HttpOptions2 method; non-GET forces Foreground; only before the first Resume. */
    public String httpMethod;
    /** BG_COPY_FILE_* flags (SMB sources on Windows only). */
    public Integer aclFlags;
    public ClientCertificate clientCertificate;
    /** Upload-reply: where the reply is written. */
    public String replyFileName;
    /** Seconds over which the job's first start is spread at random (fleet and scheduled jobs); 0..86400. */
    public Long startSpread;

    public JobOptions displayName(String v) { displayName = v; return this; }
    public JobOptions description(String v) { description = v; return this; }
    public JobOptions priority(Priority v) { priority = v; return this; }
    public JobOptions transferPolicy(int v) { transferPolicy = v; return this; }
    public JobOptions minimumRetryDelay(long v) { minimumRetryDelay = v; return this; }
    public JobOptions startSpread(long v) { startSpread = v; return this; }
    public JobOptions noProgressTimeout(long v) { noProgressTimeout = v; return this; }
    public JobOptions maxDownloadTime(long v) { maxDownloadTime = v; return this; }
    public JobOptions notifyFlags(int v) { notifyFlags = v; return this; }
    public JobOptions notifyCmdLine(List<String> v) { notifyCmdLine = v; return this; }
    public JobOptions proxyUsage(ProxyUsage v) { proxyUsage = v; return this; }
    public JobOptions proxyList(List<String> v) { proxyList = v; return this; }
    public JobOptions proxyBypass(List<String> v) { proxyBypass = v; return this; }
    public JobOptions credentials(List<Credential> v) { credentials = v; return this; }
    public JobOptions customHeaders(List<String> v) { customHeaders = v; return this; }
    public JobOptions customHeadersWriteOnly(boolean v) { customHeadersWriteOnly = v; return this; }
    public JobOptions securityFlags(int v) { securityFlags = v; return this; }
    public JobOptions dynamic(boolean v) { dynamic = v; return this; }
    public JobOptions httpMethod(String v) { httpMethod = v; return this; }
    public JobOptions aclFlags(int v) { aclFlags = v; return this; }
    public JobOptions clientCertificate(ClientCertificate v) { clientCertificate = v; return this; }
    public JobOptions replyFileName(String v) { replyFileName = v; return this; }
}
