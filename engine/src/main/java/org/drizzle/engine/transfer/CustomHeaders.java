package org.drizzle.engine.transfer;

import java.util.List;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.CustomHeaderRules;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;

/**
 * Puts the job's custom headers (IBackgroundCopyJobHttpOptions::SetCustomHeaders) on every
 * request, including redirects and authentication retries. Idempotent: a header is replaced,
 * never duplicated, when the same request goes out again. The headers were checked by
 * {@link #checked} before the transfer sent anything ({@link CustomHeaderRules}).
 */
public final class CustomHeaders implements HttpRequestInterceptor {
    /** Context attribute: the job's checked headers (List of {@link CustomHeaderRules.Header}). */
    static final String HEADERS = "drizzle.custom-headers";

    /**
     * The stored header lines checked again before a transfer sends anything (a job stored by an
     * older version may hold one the rules now refuse): a bad one fails the job, E_INVALIDARG.
     */
    public static List<CustomHeaderRules.Header> checked(List<String> lines, JobType type) throws TransferException {
        try {
            return CustomHeaderRules.parse(lines, type);
        } catch (BitsException e) {
            throw new TransferException(ErrorContext.GENERAL_TRANSPORT, e.code(), e.getMessage());
        }
    }

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
        Object value = context.getAttribute(HEADERS);
        if (!(value instanceof List<?> headers) || headers.isEmpty()) {
            return;
        }
        for (Object h : headers) {
            request.removeHeaders(((CustomHeaderRules.Header) h).name());
        }
        for (Object h : headers) {
            CustomHeaderRules.Header header = (CustomHeaderRules.Header) h;
            request.addHeader(header.name(), header.value());
        }
    }
}
