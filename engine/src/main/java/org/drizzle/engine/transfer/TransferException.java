package org.drizzle.engine.transfer;

import java.time.Duration;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobError;

/** A failed transfer with BITS' context and HRESULT; {@link #isTransient()} decides the next state. */
public class TransferException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorContext context;
    private final int code;
    private Duration retryAfter;

    public TransferException(ErrorContext context, int code, String message) {
        super(message);
        this.context = context;
        this.code = code;
    }

    public TransferException(ErrorContext context, int code, String message, Throwable cause) {
        super(message, cause);
        this.context = context;
        this.code = code;
    }

    public ErrorContext context() {
        return context;
    }

    public int code() {
        return code;
    }

    /** The server's Retry-After (503, 429), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Records the server's Retry-After; returns this. */
    public TransferException retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public boolean isTransient() {
        return ErrorCodes.isTransient(code);
    }

    /** The job error to record; the description is BITS' text plus this exception's detail. */
    public JobError toJobError() {
        String detail = getMessage();
        String text = ErrorCodes.describe(code) + (detail == null || detail.isBlank() ? "" : " " + detail);
        return new JobError(context, code, text, null, null, null, retryAfter);
    }
}
