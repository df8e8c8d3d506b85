package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.concurrent.Cancellable;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.bits.SecureString;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * The parameters Invoke-WebRequest and Invoke-RestMethod share, and the one request they make:
 * with -OutFile the body goes to the file (never partially) and nothing is output unless -PassThru.
 * HTTP error statuses and connection failures stop the statement (a terminating error), as in PowerShell.
 */
abstract class WebCommandBase extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Url", help = "The http or https address.")
    String uri;
    @Parameter(validateSet = {"Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch"},
            help = "The HTTP method (Get by default).")
    String method;
    @Parameter(aliases = "CM", help = "Any other HTTP method, by name (such as PROPFIND).")
    String customMethod;
    @Parameter(help = "Request headers, as a hashtable.")
    Object headers;
    @Parameter(help = "The request body: a string, or a hashtable sent as a form.")
    Object body;
    @Parameter(help = "Send this file's content as the body.")
    String inFile;
    @Parameter(help = "A multipart/form-data body from a hashtable: Get-Item's files are sent as files, "
            + "collections as repeated fields.")
    Object form;
    @Parameter(aliases = "SV", help = "Create a web session (cookies, headers, credential) in this variable.")
    String sessionVariable;
    @Parameter(help = "Send the request in this web session (from -SessionVariable), keeping its cookies.")
    WebRequestSession webSession;
    @Parameter(help = "The Content-Type of the body.")
    String contentType;
    @Parameter(help = "The server credential (from Get-Credential).")
    PSCredential credential;
    @Parameter(help = "Send no credential of the logged-on user: Linux has none to send (a server that demands "
            + "one answers 401), as PowerShell on Linux without a Kerberos ticket.")
    boolean useDefaultCredentials;
    @Parameter(validateSet = {"None", "Basic", "Bearer", "OAuth"},
            help = "Send -Credential as Basic, or -Token as Bearer/OAuth, with the first request.")
    String authentication;
    @Parameter(help = "The bearer token for -Authentication Bearer or OAuth.")
    SecureString token;
    @Parameter(help = "Allow -Authentication secrets over plain http.")
    boolean allowUnencryptedAuthentication;
    @Parameter(aliases = "TimeoutSec", help = "Give up when connecting or waiting for the answer takes this many "
            + "seconds (0 means no limit).")
    int connectionTimeoutSeconds;
    @Parameter(help = "Give up when no data arrives for this many seconds while reading the answer (0 means no limit).")
    int operationTimeoutSeconds;
    @Parameter(help = "Write the response body to this file instead of the pipeline.")
    String outFile;
    @Parameter(help = "With -OutFile, also output the response.")
    boolean passThru;
    @Parameter(help = "With -OutFile, continue a partial file with a range request from its end.")
    boolean resume;
    @Parameter(help = "Accepted for compatibility; responses are never parsed as HTML (as in PowerShell 7).")
    boolean useBasicParsing;
    @Parameter(help = "The User-Agent header.")
    String userAgent;
    @Parameter(help = "How many redirects to follow (5 by default; 0 follows none).")
    int maximumRedirection = DEFAULT_REDIRECTS;
    @Parameter(help = "Accept any server certificate (self-signed, expired, another host's).")
    boolean skipCertificateCheck;
    @Parameter(help = "Return the answer of an error status (4xx/5xx) instead of failing.")
    boolean skipHttpErrorCheck;
    @Parameter(help = "Send headers as given: Drizzle never rewrites or validates header values.")
    boolean skipHeaderValidation;
    @Parameter(help = "Ask the server to close the connection after the answer (Connection: close).")
    boolean disableKeepAlive;
    @Parameter(help = "Retry this many times on a 304 or 400-599 status.")
    int maximumRetryCount;
    @Parameter(help = "Seconds between retries (5 by default).")
    int retryIntervalSec = 5;
    @Parameter(help = "Send the request through this proxy (http://host:port).")
    String proxy;
    @Parameter(help = "The proxy's credential.")
    PSCredential proxyCredential;
    @Parameter(help = "Send no credential of the logged-on user to the proxy: Linux has none to send.")
    boolean proxyUseDefaultCredentials;
    @Parameter(help = "Connect directly, ignoring any proxy configuration.")
    boolean noProxy;
    @Parameter(help = "Send the request over this Unix domain socket (a path) instead of TCP; the URI still gives "
            + "the path and Host header (http://localhost/v1/info).")
    String unixSocket;
    @Parameter(help = "Follow a redirect from https to http (refused by default, as in PowerShell 7.4).")
    boolean allowInsecureRedirect;
    @Parameter(help = "Send the Authorization header again after a redirect (dropped by default).")
    boolean preserveAuthorizationOnRedirect;
    @Parameter(help = "Keep the method and body after a redirect (by default a POST redirected by 301/302, or any "
            + "method but GET/HEAD redirected by 303, becomes a GET).")
    boolean preserveHttpMethodOnRedirect;
    @Parameter(help = "The TLS versions allowed: Default (the JDK's: TLS 1.2 and 1.3), Tls, Tls11, Tls12, Tls13; "
            + "several with commas. The JDK refuses TLS 1.0 and 1.1.")
    String[] sslProtocol;
    @Parameter(validateSet = {"chunked", "compress", "deflate", "gzip", "identity"}, help = "How the body is sent: "
            + "chunked (Transfer-Encoding: chunked) or identity (with its length); Drizzle does not compress request bodies, "
            + "so compress, deflate and gzip are refused.")
    String transferEncoding;

    private static final int DEFAULT_REDIRECTS = 5;
    private volatile Cancellable inFlight;
    private volatile boolean stopped;

    /** Performs the request; null when the body went to -OutFile. */
    protected HttpFetch.Response fetch() {
        URI target = target();
        if (sessionVariable != null && webSession != null) {
            throw invalid("WebCmdletSessionConflictException", "The cmdlet cannot run because the following conflicting "
                    + "parameters are specified: Session and SessionVariable. Specify either Session or SessionVariable, "
                    + "then retry.");
        }
        WebRequestSession session = webSession != null ? webSession : sessionVariable != null ? new WebRequestSession() : null;
        PSCredential cred = credential == null && session != null ? session.credentials() : credential;
        String agent = userAgent == null && session != null ? session.userAgent() : userAgent;
        Map<String, String> sent = headerMap(target, session, agent, cred);
        byte[] payload = bodyBytes();
        String type = contentType;
        if (form != null) {
            WebForm.Body f = formBody(payload);
            payload = f.bytes();
            type = f.contentType();
        }
        HttpFetch.Request request = new HttpFetch.Request(target, httpMethod(), sent, cred,
                connectionTimeoutSeconds > 0 ? Duration.ofSeconds(connectionTimeoutSeconds) : null, payload, type);
        try {
            Path file = outFile == null ? null : context().resolvePath(outFile);
            HttpFetch.Response r = HttpFetch.execute(request, file, this::started, options(session));
            if (session != null) {
                session.remember(sent, cred, agent, maximumRedirection);
                if (sessionVariable != null) {
                    context().setVariable(sessionVariable, session);
                }
            }
            return file == null || passThru ? r : null;
        } catch (WebRequestException e) {
            throw throwTerminating(new ErrorRecord(e, "WebCmdletWebResponseException", ErrorCategory.INVALID_OPERATION, uri));
        } catch (IOException e) {
            if (stopped) {
                throw new PipelineStoppedException();
            }
            throw throwTerminating(new ErrorRecord(WebErrors.describe(e, target), "WebCmdletWebResponseException",
                    ErrorCategory.CONNECTION_ERROR, uri));
        } catch (IllegalArgumentException e) {
            throw throwTerminating(new ErrorRecord(e, "WebCmdletWebResponseException", ErrorCategory.INVALID_ARGUMENT, uri));
        }
    }

    private WebForm.Body formBody(byte[] payload) {
        if (payload != null) {
            throw invalid("WebCmdletBodyFormConflictException", "The cmdlet cannot run because the following conflicting "
                    + "parameters are specified: " + (inFile != null ? "InFile" : "Body") + " and Form. Specify either "
                    + (inFile != null ? "InFile" : "Body") + " or Form, then retry.");
        }
        if (!(form instanceof Map<?, ?> m)) {
            throw invalid("WebCmdletInvalidForm", "-Form takes a hashtable such as @{ name = 'x'; file = (Get-Item ./a.zip) }.");
        }
        try {
            return WebForm.of(m);
        } catch (IllegalArgumentException e) {
            throw invalid("WebCmdletInvalidForm", e.getMessage());
        }
    }

    private WebOptions options(WebRequestSession session) {
        check(maximumRedirection >= 0, "MaximumRedirection", maximumRedirection, 0);
        check(maximumRetryCount >= 0, "MaximumRetryCount", maximumRetryCount, 0);
        check(retryIntervalSec >= 1, "RetryIntervalSec", retryIntervalSec, 1);
        check(connectionTimeoutSeconds >= 0, "ConnectionTimeoutSeconds", connectionTimeoutSeconds, 0);
        check(operationTimeoutSeconds >= 0, "OperationTimeoutSeconds", operationTimeoutSeconds, 0);
        if (resume && outFile == null) {
            throw invalid("WebCmdletOutFileMissingException", "The cmdlet cannot run because the following parameter is "
                    + "missing: OutFile. Provide a valid OutFile parameter value when using the Resume parameter, then retry.");
        }
        if (noProxy && (proxy != null || proxyCredential != null || proxyUseDefaultCredentials)) {
            throw invalid("AmbiguousParameterSet", "Parameter set cannot be resolved using the specified named parameters. "
                    + "-NoProxy cannot be used with -Proxy, -ProxyCredential or -ProxyUseDefaultCredentials.");
        }
        URI proxyUri = null;
        if (proxy != null) {
            proxyUri = parse(proxy.contains("://") ? proxy : "http://" + proxy, "Proxy");
            if (proxyUri.getHost() == null) {
                throw invalid("WebCmdletInvalidProxy", "Cannot bind parameter 'Proxy'. The value '" + proxy
                        + "' is not a valid proxy address.");
            }
        }
        return new WebOptions(maximumRedirection, skipCertificateCheck, resume, skipHttpErrorCheck, proxyUri,
                proxyCredential, noProxy, disableKeepAlive, maximumRetryCount, Duration.ofSeconds(retryIntervalSec),
                operationTimeoutSeconds > 0 ? Duration.ofSeconds(operationTimeoutSeconds) : null,
                session == null ? null : session.cookieStore(), new WebOptions.RedirectRules(allowInsecureRedirect,
                preserveAuthorizationOnRedirect, preserveHttpMethodOnRedirect), tlsVersions(), chunked(),
                socket());
    }

    /** -TransferEncoding: chunked or identity; the compressing codings are refused rather than sent uncompressed. */
    private boolean chunked() {
        if (transferEncoding == null || transferEncoding.equalsIgnoreCase("identity")) {
            return false;
        }
        if (!transferEncoding.equalsIgnoreCase("chunked")) {
            throw invalid("WebCmdletTransferEncodingNotSupported", "-TransferEncoding " + transferEncoding + " is not "
                    + "supported: Drizzle sends a request body chunked or as it is, and does not compress it.");
        }
        return true;
    }

    private static final java.util.Map<String, String> TLS = java.util.Map.of("tls", "TLSv1", "tls11", "TLSv1.1",
            "tls12", "TLSv1.2", "tls13", "TLSv1.3");

    /** -SslProtocol as the JDK names the versions; empty for Default. */
    private java.util.List<String> tlsVersions() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (sslProtocol == null) {
            return out;
        }
        for (String value : sslProtocol) {
            for (String one : value.split(",")) {
                String k = one.trim().toLowerCase(java.util.Locale.ROOT);
                if (k.equals("default")) {
                    continue;
                }
                String v = TLS.get(k);
                if (v == null) {
                    throw invalid("CannotConvertArgumentNoMessage", "Cannot bind parameter 'SslProtocol'. Cannot convert "
                            + "value \"" + one.trim() + "\" to type \"Microsoft.PowerShell.Commands.WebSslProtocol\". Error: "
                            + "\"Unable to match the identifier name " + one.trim() + " to a valid enumerator name. Specify "
                            + "one of the following enumerator names and try again: Default, Tls, Tls11, Tls12, Tls13\"");
                }
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    void check(boolean ok, String parameter, int value, int minimum) {
        if (!ok) {
            throw invalid("ParameterArgumentValidationError", "Cannot validate argument on parameter '" + parameter
                    + "'. The " + value + " argument is less than the minimum allowed range of " + minimum
                    + ". Supply an argument that is greater than or equal to " + minimum + " and then try the command again.");
        }
    }

    private String httpMethod() {
        if (customMethod != null) {
            if (method != null) {
                throw invalid("AmbiguousParameterSet", "Parameter set cannot be resolved using the specified named "
                        + "parameters. -Method and -CustomMethod cannot be used together.");
            }
            if (!customMethod.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw invalid("WebCmdletInvalidMethod", "The custom method '" + customMethod + "' is not a valid HTTP method.");
            }
            return customMethod;
        }
        return method == null || method.equalsIgnoreCase("Default") ? "GET" : method;
    }

    /** -UnixSocket resolved against the location; a path that is no socket is named before anything is sent. */
    private java.nio.file.Path socket() {
        if (unixSocket == null) {
            return null;
        }
        java.nio.file.Path p = context().resolvePath(unixSocket).toAbsolutePath().normalize();
        if (!java.nio.file.Files.exists(p)) {
            throw invalid("WebCmdletUnixSocketNotFound", "Cannot connect to the Unix socket '" + p
                    + "': No such file or directory.");
        }
        if (java.nio.file.Files.isRegularFile(p) || java.nio.file.Files.isDirectory(p)) {
            throw invalid("WebCmdletUnixSocketInvalid", "Cannot connect to the Unix socket '" + p
                    + "': it is not a socket.");
        }
        return p;
    }

    private RuntimeException invalid(String errorId, String message) {
        return throwTerminating(new ErrorRecord(new IllegalArgumentException(message), errorId,
                ErrorCategory.INVALID_ARGUMENT, uri));
    }

    private void started(Cancellable request) {
        inFlight = request;
        if (stopped) {
            request.cancel();
        }
    }

    /** Ctrl+C: abort the request; a partial -OutFile download is discarded. */
    @Override
    public void stop() {
        stopped = true;
        Cancellable c = inFlight;
        if (c != null) {
            c.cancel();
        }
    }

    URI target() {
        return parse(uri.trim().contains("://") ? uri.trim() : "http://" + uri.trim(), "Uri");
    }

    private URI parse(String text, String parameter) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("WebCmdletInvalidUri", "Cannot bind parameter '" + parameter + "'. The value '" + text
                    + "' is not a valid address: " + e.getReason() + ".");
        }
    }

    private Map<String, String> headerMap(URI target, WebRequestSession session, String agent, PSCredential cred) {
        Map<String, String> out = new LinkedHashMap<>();
        if (session != null) {
            session.headers().forEach((k, v) -> out.put(LanguagePrimitives.toStr(k), LanguagePrimitives.toStr(v)));
        }
        if (headers instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(LanguagePrimitives.toStr(k), LanguagePrimitives.toStr(v)));
        } else if (headers != null) {
            throw invalid("WebCmdletInvalidHeaders", "-Headers takes a hashtable such as @{ Accept = 'text/plain' }.");
        }
        if (agent != null) {
            out.put("User-Agent", agent);
        }
        try {
            String auth = WebAuthentication.header(authentication, cred, token,
                    "https".equalsIgnoreCase(target.getScheme()), allowUnencryptedAuthentication);
            if (auth != null) {
                out.put("Authorization", auth);
            }
        } catch (IllegalArgumentException e) {
            throw invalid("WebCmdletAuthenticationException", e.getMessage());
        }
        return out;
    }

    /** A hashtable body is form-encoded (as PowerShell does for POST); anything else is sent as its text. */
    private byte[] bodyBytes() {
        if (inFile != null) {
            if (body != null) {
                throw invalid("WebCmdletBodyConflictException", "The cmdlet cannot run because the following conflicting "
                        + "parameters are specified: Body and InFile. Specify either Body or Infile, then retry.");
            }
            Path file = context().resolvePath(inFile);
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot find path '" + file
                        + "' because it does not exist."), "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, inFile));
            }
        }
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof Map<?, ?> m) {
            StringBuilder form = new StringBuilder();
            m.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&")
                    .append(java.net.URLEncoder.encode(LanguagePrimitives.toStr(k), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(LanguagePrimitives.toStr(v), StandardCharsets.UTF_8)));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        return LanguagePrimitives.toStr(body).getBytes(StandardCharsets.UTF_8);
    }
}
