package org.drizzle.engine.server;

import org.drizzle.engine.transfer.upload.BitsProtocol;

/**
 * A request the server refuses: the HTTP status plus the BITS-Error-Code and
 * BITS-Error-Context the Ack carries (0 = send no error code, as for 416).
 */
final class AckException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int code;
    private final int context;

    AckException(int status, int code, String message) {
        this(status, code, BitsProtocol.CONTEXT_REMOTE_FILE, message);
    }

    AckException(int status, int code, int context, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.context = context;
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    int context() {
        return context;
    }
}
