package org.drizzle.engine.job;

import java.time.Duration;

/**
 * IBackgroundCopyError: the context, the HRESULT, its description and the failing file
 * (remote and local name; null when the error is not about one file).
 *
 * @param protocol   "http", "https", "file" or "bits" (upload), as GetProtocol answers; may be null
 * @param retryAfter the server's Retry-After on a 503 or 429, measured from when it answered: the
 *                   earliest the job may retry ({@code RetryPolicy}); null when it sent none
 */
public record JobError(ErrorContext context, int code, String description,
                       String remoteName, String localName, String protocol, Duration retryAfter) {

    public JobError(ErrorContext context, int code, String description,
                    String remoteName, String localName, String protocol) {
        this(context, code, description, remoteName, localName, protocol, null);
    }

    public static JobError of(ErrorContext context, int code) {
        return new JobError(context, code, ErrorCodes.describe(code), null, null, null);
    }

    public JobError withFile(String remote, String local, String proto) {
        return new JobError(context, code, description, remote, local, proto, retryAfter);
    }

    /** Whether the scheduler retries this error (TRANSIENT_ERROR) or stops (ERROR). */
    public boolean isTransient() {
        return ErrorCodes.isTransient(code);
    }

    @Override
    public String toString() {
        return ErrorCodes.name(code) + " (" + ErrorCodes.hex(code) + ") in " + context.displayName()
                + ": " + description + (remoteName == null ? "" : " [" + remoteName + "]");
    }
}
