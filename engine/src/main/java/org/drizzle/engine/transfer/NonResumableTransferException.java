package org.drizzle.engine.transfer;

import org.drizzle.engine.job.ErrorContext;

/**
 * A failure the scheduler must not retry even though its code is usually transient: jobs with a
 * custom HTTP method (HttpOptions2) turn resumable errors into ERROR, and Resume restarts them at 0.
 */
final class NonResumableTransferException extends TransferException {
    private static final long serialVersionUID = 1L;

    NonResumableTransferException(TransferException cause) {
        super(cause.context(), cause.code(), cause.getMessage(), cause);
    }

    NonResumableTransferException(ErrorContext context, int code, String message) {
        super(context, code, message);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
