package org.drizzle.engine.transfer;

import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Puts the job's custom headers (IBackgroundCopyJobHttpOptions::SetCustomHeaders) on every
 * request, including redirects and authentication retries. Idempotent: a header is replaced,
 * never duplicated, when the same request goes out again.
 */
final class CustomHeaders implements HttpRequestInterceptor {
    /** Context attribute: the job's header lines, "Name: value" (List of String). */
    static final String HEADERS = "drizzle.custom-headers";

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
        Object value = context.getAttribute(HEADERS);
        if (!(value instanceof List<?> lines) || lines.isEmpty()) {
            return;
        }
        List<String[]> headers = new ArrayList<>();
        for (Object line : lines) {
            String text = String.valueOf(line);
            int colon = text.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {text.substring(0, colon).trim(), text.substring(colon + 1).trim()});
            }
        }
        for (String[] h : headers) {
            request.removeHeaders(h[0]);
        }
        for (String[] h : headers) {
            request.addHeader(h[0], h[1]);
        }
    }
}
