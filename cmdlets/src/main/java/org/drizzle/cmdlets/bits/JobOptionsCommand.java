package org.drizzle.cmdlets.bits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.policy.Priority;

/**
 * The job options Start-BitsTransfer and Set-BitsTransfer share (bits-reference §1.2), declared
 * once. An option not given stays null, meaning "unchanged" for Set and "the default" for
 * Start. Options BITS ties to Windows stores are refused with a clear error on this platform.
 */
abstract class JobOptionsCommand extends Command {
    @Parameter(help = "The job's display name (at most 256 characters).")
    String displayName;
    @Parameter(help = "The job's description (at most 1,024 characters).")
    String description;
    @Parameter(help = "Foreground runs at once and unthrottled; High, Normal and Low share idle bandwidth.")
    Priority priority;
    @Parameter(help = "The network cost states the job may transfer on (CostStates names, summable, or a number).")
    Object transferPolicy;
    @Parameter(help = "The scheme used with -Credential: Basic, Digest, Ntlm, Negotiate (Passport is Windows-only).")
    AuthScheme authentication;
    @Parameter(help = "The scheme used with -ProxyCredential.")
    AuthScheme proxyAuthentication;
    @Parameter(help = "The server credential (from Get-Credential).")
    PSCredential credential;
    @Parameter(help = "The proxy credential (from Get-Credential).")
    PSCredential proxyCredential;
    @Parameter(validateSet = {"None", "Proxy", "Server"}, help = "Use a stored credential; Windows Credential Manager only.")
    String useStoredCredential;
    @Parameter(help = "SystemDefault, NoProxy, AutoDetect or Override (with -ProxyList).")
    ProxyUsage proxyUsage;
    @Parameter(help = "Proxies tried in order; requires -ProxyUsage Override.")
    String[] proxyList;
    @Parameter(help = "Hosts that bypass the proxy; requires -ProxyUsage Override.")
    String[] proxyBypass;
    @Parameter(help = "Seconds between retries after a transient error (at least 60; default 600).")
    Integer retryInterval;
    @Parameter(help = "Seconds without progress before a transient error becomes an error (0: no retries; default 1209600).")
    Integer retryTimeout;
    @Parameter(help = "Seconds the job may spend transferring (default 7776000, 90 days).")
    Integer maxDownloadTime;
    @Parameter(aliases = "ACLFlag", help = "Owner, group, DACL and SACL copy flags (o, g, d, s): Windows SMB sources only.")
    String aclFlags;
    @Parameter(help = "Certificate and redirect flags (SecurityFlagValue bits).")
    Integer securityFlags;
    @Parameter(help = "Extra HTTP request headers, \"Name: value\".")
    String[] customHeaders;
    @Parameter(help = "Makes the custom headers write-only (irreversible).")
    Boolean customHeadersWriteOnly;
    @Parameter(help = "The HTTP verb; anything but GET forces Foreground priority.")
    String httpMethod;
    @Parameter(help = "Dynamic content: no size or range support needed.")
    Boolean dynamic;
    @Parameter(help = "1: on transferred, 2: on error, 4: disable notifications (default 3).")
    Integer notifyFlags;
    @Parameter(help = "Program (absolute path) and arguments run when the job transfers or fails.")
    String[] notifyCmdLine;
    @Parameter(help = "Windows certificate store location: not supported on this platform.")
    String certStoreLocation;
    @Parameter(help = "Windows certificate store name: not supported on this platform.")
    String certStoreName;
    @Parameter(help = "Windows certificate hash: not supported on this platform.")
    Object certHash;
    @Parameter(help = "A PKCS#12 client certificate file (this platform's replacement for -CertStoreLocation/-CertHash).")
    String clientCertificatePath;
    @Parameter(help = "The password of the -ClientCertificatePath file (a string or a Get-Credential object).")
    Object clientCertificatePassword;

    /** The options the caller gave, validated; refusals are terminating errors naming the option. */
    protected JobOptions options() {
        refuseWindowsOnly("CertStoreLocation", certStoreLocation);
        refuseWindowsOnly("CertStoreName", certStoreName);
        refuseWindowsOnly("CertHash", certHash);
        refuseWindowsOnly("ACLFlags", aclFlags);
        if (authentication == AuthScheme.PASSPORT || proxyAuthentication == AuthScheme.PASSPORT) {
            refuseWindowsOnly("Authentication Passport", "Passport");
        }
        if ("Server".equalsIgnoreCase(useStoredCredential)) {
            throw bad("UseStoredCredential", "-UseStoredCredential Server is not allowed; BITS supports only Proxy.");
        }
        if ("Proxy".equalsIgnoreCase(useStoredCredential)) {
            refuseWindowsOnly("UseStoredCredential Proxy (Windows Credential Manager)", useStoredCredential);
        }
        if (retryInterval != null && retryInterval < 60) {
            throw bad("RetryInterval", "Cannot validate argument on parameter 'RetryInterval'. The " + retryInterval
                    + " argument is less than the minimum allowed range of 60.");
        }
        JobOptions o = new JobOptions();
        o.displayName = displayName;
        o.description = description;
        o.priority = priority;
        if (transferPolicy != null) {
            try {
                o.transferPolicy = transferPolicy instanceof Number n ? n.intValue()
                        : CostFlags.parse(LanguagePrimitives.toStr(transferPolicy));
            } catch (IllegalArgumentException e) {
                throw bad("TransferPolicy", e.getMessage());
            }
        }
        o.credentials = credentials();
        o.proxyUsage = proxyUsage;
        o.proxyList = list(proxyList);
        o.proxyBypass = list(proxyBypass);
        o.minimumRetryDelay = retryInterval == null ? null : retryInterval.longValue();
        o.noProgressTimeout = retryTimeout == null ? null : retryTimeout.longValue();
        o.maxDownloadTime = maxDownloadTime == null ? null : maxDownloadTime.longValue();
        o.securityFlags = securityFlags;
        o.customHeaders = list(customHeaders);
        o.customHeadersWriteOnly = customHeadersWriteOnly;
        o.httpMethod = httpMethod;
        o.dynamic = dynamic;
        o.notifyFlags = notifyFlags;
        o.notifyCmdLine = list(notifyCmdLine);
        if (clientCertificatePath != null) {
            o.clientCertificate = new ClientCertificate(context().resolvePath(clientCertificatePath)
                    .toString(), clientCertificatePassword instanceof PSCredential c ? c.password()
                    : clientCertificatePassword == null ? null : LanguagePrimitives.toStr(clientCertificatePassword));
        }
        return o;
    }

    private List<Credential> credentials() {
        List<Credential> out = new ArrayList<>();
        if (credential != null) {
            out.add(new Credential(AuthTarget.SERVER, authentication == null ? AuthScheme.NEGOTIATE : authentication,
                    credential.userName(), credential.password()));
        }
        if (proxyCredential != null) {
            out.add(new Credential(AuthTarget.PROXY, proxyAuthentication == null ? AuthScheme.NEGOTIATE
                    : proxyAuthentication, proxyCredential.userName(), proxyCredential.password()));
        }
        return out.isEmpty() ? null : out;
    }

    private static List<String> list(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }

    private void refuseWindowsOnly(String option, Object value) {
        if (value != null) {
            throw new CommandException(new ErrorRecord(new UnsupportedOperationException("-" + option
                    + " is not supported on this platform: it needs a Windows certificate store, ACL or account "
                    + "service. Use -ClientCertificatePath for client certificates."), "NotSupportedOnThisPlatform",
                    ErrorCategory.NOT_IMPLEMENTED, value));
        }
    }

    private CommandException bad(String option, String message) {
        return new CommandException(new ErrorRecord(new IllegalArgumentException(message),
                "ParameterArgumentValidationError", ErrorCategory.INVALID_ARGUMENT, option));
    }
}
