package org.drizzle.cmdlets.utility;

import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.drizzle.cmdlets.bits.PSCredential;

/**
 * How Invoke-WebRequest/Invoke-RestMethod make one request beyond what is sent: redirects
 * (-MaximumRedirection, -1 for HttpClient's default), -SkipCertificateCheck, -Resume,
 * -SkipHttpErrorCheck, the proxy (-Proxy/-ProxyCredential, or -NoProxy), -DisableKeepAlive,
 * retries (-MaximumRetryCount/-RetryIntervalSec), the read timeout (-OperationTimeoutSeconds),
 * a web session's cookies (null: none kept), PowerShell 7.4's redirect rules (followed by the cmdlet
 * itself when {@code maximumRedirection} is 0 or more), the TLS versions allowed (empty: the JDK's) and
 * whether a body is sent chunked (-TransferEncoding chunked), and the Unix domain socket to connect to
 * (-UnixSocket; null: TCP).
 */
public record WebOptions(int maximumRedirection, boolean skipCertificateCheck, boolean resume,
                         boolean skipHttpErrorCheck, URI proxy, PSCredential proxyCredential, boolean noProxy,
                         boolean disableKeepAlive, int maximumRetryCount, Duration retryInterval,
                         Duration operationTimeout, CookieStore cookies, RedirectRules redirects,
                         java.util.List<String> tlsVersions, boolean chunkedBody, java.nio.file.Path unixSocket) {
    /** -AllowInsecureRedirect, -PreserveAuthorizationOnRedirect, -PreserveHttpMethodOnRedirect. */
    public record RedirectRules(boolean allowInsecure, boolean preserveAuthorization, boolean preserveMethod) {
    }

    /** What WebClient uses: HttpClient's own redirect handling, the JDK's TLS versions. */
    public static final WebOptions DEFAULT = new WebOptions(-1, false, false, false, null, null, false, false, 0,
            Duration.ofSeconds(5), null, null, new RedirectRules(false, false, false), java.util.List.of(), false,
            null);
}
