package org.drizzle.engine.job;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.policy.Priority;

/**
 * BITS' input rules for job properties (bits-reference.md §3.3-3.5): lengths, header,
 * proxy and command-line limits, and the "only before the first Resume" properties; the rules
 * for a job's files are {@link FileRules}'. Every refusal is a {@link BitsException} whose
 * message names the bad value; callers apply changes to a copy, so a refusal changes nothing.
 */
public final class JobRules {
    public static final int MAX_DISPLAY_NAME = 256;
    public static final int MAX_DESCRIPTION = 1024;
    public static final int MAX_REMOTE_NAME = 2200;
    public static final int MAX_HEADERS = 16_384;
    public static final int MAX_NOTIFY_CMD_LINE = 4000;
    public static final int MAX_PROXY_CHARS = 32 * 1024;
    public static final long MIN_RETRY_DELAY = 5;
    public static final long MAX_START_SPREAD = 86_400;

    private JobRules() {
    }

    public static String checkDisplayName(String name) {
        if (name == null) {
            throw invalid("A job needs a display name.");
        }
        if (name.length() > MAX_DISPLAY_NAME) {
            throw tooLong("DisplayName", name.length(), MAX_DISPLAY_NAME);
        }
        return name;
    }

    /**
     * Applies every set field of {@code o} to {@code job} (callers pass a copy): validated in
     * BITS' terms, with the cross-field rules (HttpMethod forces Foreground, proxy lists need
     * Override, Dynamic and HttpMethod only before the first Resume).
     */
    public static void apply(Job job, JobOptions o) {
        if (o == null) {
            return;
        }
        if (o.displayName != null) {
            job.displayName = checkDisplayName(o.displayName);
        }
        if (o.startSpread != null) {
            if (o.startSpread < 0 || o.startSpread > MAX_START_SPREAD) {
                throw invalid("StartSpread " + o.startSpread + " s is outside 0 to " + MAX_START_SPREAD + " s (one day).");
            }
            job.startSpread = o.startSpread;
        }
        if (o.description != null) {
            if (o.description.length() > MAX_DESCRIPTION) {
                throw tooLong("Description", o.description.length(), MAX_DESCRIPTION);
            }
            job.description = o.description;
        }
        if (o.minimumRetryDelay != null) {
            if (o.minimumRetryDelay < MIN_RETRY_DELAY) {
                throw invalid("MinimumRetryDelay " + o.minimumRetryDelay + " s is below the minimum of "
                        + MIN_RETRY_DELAY + " s.");
            }
            job.minimumRetryDelay = o.minimumRetryDelay;
        }
        if (o.noProgressTimeout != null) {
            if (o.noProgressTimeout < 0) {
                throw invalid("NoProgressTimeout " + o.noProgressTimeout + " s is negative.");
            }
            job.noProgressTimeout = o.noProgressTimeout;
        }
        if (o.maxDownloadTime != null) {
            if (o.maxDownloadTime < 0) {
                throw invalid("MaxDownloadTime " + o.maxDownloadTime + " s is negative.");
            }
            job.maxDownloadTime = o.maxDownloadTime;
        }
        if (o.notifyFlags != null) {
            NotifyFlags.validate(o.notifyFlags);
            job.notifyFlags = o.notifyFlags;
        }
        if (o.notifyCmdLine != null) {
            job.notifyCmdLine = checkNotifyCmdLine(o.notifyCmdLine);
        }
        if (o.transferPolicy != null) {
            job.transferPolicy = o.transferPolicy;
        }
        if (o.securityFlags != null) {
            SecurityFlags.validate(o.securityFlags);
            job.securityFlags = o.securityFlags;
        }
        if (o.aclFlags != null) {
            if (o.aclFlags < 0 || o.aclFlags > AclFlags.ALL) {
                throw invalid("ACLFlags " + o.aclFlags + " is outside 0-15.");
            }
            job.aclFlags = o.aclFlags;
        }
        applyProxy(job, o);
        if (o.credentials != null) {
            job.credentials = mergeCredentials(job.credentials, o.credentials);
        }
        applyHeaders(job, o);
        if (o.clientCertificate != null) {
            String p = o.clientCertificate.pkcs12Path();
            job.clientCertificate = p == null || p.isEmpty() ? null : checkClientCertificate(o.clientCertificate);
        }
        if (o.replyFileName != null) {
            job.replyFileName = checkReplyFileName(job, o.replyFileName);
        }
        if (o.dynamic != null) {
            applyDynamic(job, o.dynamic);
        }
        if (o.httpMethod != null) {
            applyHttpMethod(job, o.httpMethod);
        }
        if (o.priority != null) {
            if (o.priority != Priority.FOREGROUND && !"GET".equals(job.httpMethod)) {
                throw invalid("Priority " + o.priority.displayName() + " is not allowed: HttpMethod "
                        + job.httpMethod + " keeps the job in Foreground.");
            }
            job.priority = o.priority;
        }
    }

    private static void applyProxy(Job job, JobOptions o) {
        if (o.proxyUsage != null) {
            job.proxyUsage = o.proxyUsage;
            if (o.proxyUsage != ProxyUsage.OVERRIDE) {
                job.proxyList = List.of();
                job.proxyBypass = List.of();
            }
        }
        if (o.proxyList != null || o.proxyBypass != null) {
            boolean setsSomething = (o.proxyList != null && !o.proxyList.isEmpty())
                    || (o.proxyBypass != null && !o.proxyBypass.isEmpty());
            if (setsSomething && job.proxyUsage != ProxyUsage.OVERRIDE) {
                throw invalid("ProxyList and ProxyBypass need ProxyUsage Override (it is "
                        + job.proxyUsage.displayName() + ").");
            }
            if (o.proxyList != null) {
                job.proxyList = checkProxyStrings("ProxyList", o.proxyList);
            }
            if (o.proxyBypass != null) {
                job.proxyBypass = checkProxyStrings("ProxyBypass", o.proxyBypass);
            }
        }
    }

    private static List<String> checkProxyStrings(String what, List<String> values) {
        int total = 0;
        for (String v : values) {
            if (v == null || v.isBlank() || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw invalid(what + " entry '" + v + "' is empty or contains a line break.");
            }
            total += v.length() + 1;
        }
        if (total > MAX_PROXY_CHARS) {
            throw tooLong(what, total, MAX_PROXY_CHARS);
        }
        return List.copyOf(values);
    }

    private static void applyHeaders(Job job, JobOptions o) {
        if (o.customHeaders != null) {
            CustomHeaderRules.parse(o.customHeaders, job.type);
            int total = 0;
            for (String h : o.customHeaders) {
                total += h.length() + 2;
            }
            if (total > MAX_HEADERS) {
                throw tooLong("CustomHeaders", total, MAX_HEADERS);
            }
            job.customHeaders = List.copyOf(o.customHeaders);
        }
        if (o.customHeadersWriteOnly != null) {
            if (!o.customHeadersWriteOnly && job.customHeadersWriteOnly) {
                throw invalid("CustomHeadersWriteOnly cannot be turned off once set.");
            }
            job.customHeadersWriteOnly = o.customHeadersWriteOnly;
        }
    }

    private static void applyDynamic(Job job, boolean dynamic) {
        if (dynamic == job.dynamic) {
            return;
        }
        if (job.everResumed) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE, "Dynamic can be set only before the job is first resumed.");
        }
        if (dynamic) {
            if (job.type != JobType.DOWNLOAD) {
                throw invalid("Dynamic applies to download jobs only, not " + job.type.displayName() + ".");
            }
            if (job.files.stream().anyMatch(JobFile::hasRanges)) {
                throw invalid("Dynamic cannot be used with files that have byte ranges.");
            }
            if (!"GET".equals(job.httpMethod)) {
                throw invalid("Dynamic cannot be used with HttpMethod " + job.httpMethod + ".");
            }
        }
        job.dynamic = dynamic;
    }

    private static void applyHttpMethod(Job job, String method) {
        if (method.equals(job.httpMethod)) {
            return;
        }
        if (job.everResumed) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE,
                    "HttpMethod can be set only before the job is first resumed.");
        }
        if (!method.matches("[!#$%&'*+.^_`|~0-9A-Za-z]+")) {
            throw invalid("'" + method + "' is not a valid HTTP method name.");
        }
        if (job.type != JobType.DOWNLOAD) {
            throw invalid("HttpMethod applies to download jobs only.");
        }
        if (!"GET".equals(method)) {
            if (job.dynamic) {
                throw invalid("HttpMethod " + method + " cannot be used with Dynamic.");
            }
            if (job.files.stream().anyMatch(JobFile::hasRanges)) {
                throw invalid("HttpMethod " + method + " cannot be used with files that have byte ranges.");
            }
            // HttpOptions2: a non-GET method forces Foreground.
            job.priority = Priority.FOREGROUND;
        }
        job.httpMethod = method;
    }

    private static List<Credential> mergeCredentials(List<Credential> current, List<Credential> changes) {
        List<Credential> out = new ArrayList<>(current);
        for (Credential c : changes) {
            out.removeIf(e -> e.target() == c.target() && e.scheme() == c.scheme());
            if (c.userName() != null) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static ClientCertificate checkClientCertificate(ClientCertificate c) {
        if (!FileRules.absolute(c.pkcs12Path())) {
            throw invalid("The client certificate path '" + c.pkcs12Path() + "' is not absolute.");
        }
        return c;
    }

    private static String checkReplyFileName(Job job, String name) {
        if (job.type != JobType.UPLOAD_REPLY) {
            throw invalid("ReplyFileName applies to UploadReply jobs only.");
        }
        if (name.isEmpty()) {
            return null;
        }
        FileRules.checkLocalName(name, false);
        return name;
    }

    /** NotifyCmdLine: absolute program, no search path, at most 4,000 characters in all; empty clears. */
    public static List<String> checkNotifyCmdLine(List<String> argv) {
        if (argv.isEmpty()) {
            return List.of();
        }
        for (String a : argv) {
            if (a == null) {
                throw invalid("NotifyCmdLine has a null argument.");
            }
        }
        String program = argv.get(0);
        if (!FileRules.absolute(program)) {
            throw invalid("The notify program '" + program + "' is not an absolute path (no search path is used).");
        }
        if (program.length() > FileRules.MAX_LOCAL_NAME) {
            throw tooLong("The notify program path", program.length(), FileRules.MAX_LOCAL_NAME);
        }
        int length = String.join(" ", argv).length();
        if (length > MAX_NOTIFY_CMD_LINE) {
            throw tooLong("NotifyCmdLine", length, MAX_NOTIFY_CMD_LINE);
        }
        return List.copyOf(argv);
    }

    static BitsException invalid(String message) {
        return new BitsException(ErrorCodes.E_INVALIDARG, message);
    }

    static BitsException tooLong(String what, int length, int max) {
        return new BitsException(ErrorCodes.BG_E_STRING_TOO_LONG,
                what + " is " + length + " characters long; at most " + max + " are allowed.");
    }
}
