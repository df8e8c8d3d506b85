package org.drizzle.engine.transfer;

import java.net.URI;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.drizzle.engine.job.SecurityFlags;

/**
 * Applies the job's {@code BG_HTTP_REDIRECT_POLICY_*} flags to each redirect HttpClient meets:
 * DISALLOW refuses every redirect, and an https to http redirect is refused unless the job
 * allows it. A refused redirect is not followed; the 3xx reaches the transport with the
 * refused location in the context, and the transport turns it into a fatal error.
 */
final class RedirectPolicy extends DefaultRedirectStrategy {
    /** Context attribute: the job's security flags (Integer). */
    static final String SECURITY_FLAGS = "drizzle.security-flags";
    /** Context attribute set when a redirect was refused: the location it pointed at (URI). */
    static final String REFUSED = "drizzle.refused-redirect";

    @Override
    public boolean isRedirected(HttpRequest request, HttpResponse response, HttpContext context) throws ProtocolException {
        if (!super.isRedirected(request, response, context)) {
            return false;
        }
        Object value = context.getAttribute(SECURITY_FLAGS);
        int flags = value instanceof Integer i ? i : 0;
        URI location;
        try {
            location = getLocationURI(request, response, context);
        } catch (org.apache.hc.core5.http.HttpException e) {
            throw new ProtocolException("bad redirect location: " + e.getMessage(), e);
        }
        boolean disallowed = SecurityFlags.redirectPolicy(flags) == SecurityFlags.REDIRECT_POLICY_DISALLOW;
        boolean downgrade = "https".equalsIgnoreCase(request.getScheme()) && "http".equalsIgnoreCase(location.getScheme())
                && (flags & SecurityFlags.ALLOW_HTTPS_TO_HTTP_REDIRECT) == 0;
        if (disallowed || downgrade) {
            context.setAttribute(REFUSED, location);
            return false;
        }
        return true;
    }
}
