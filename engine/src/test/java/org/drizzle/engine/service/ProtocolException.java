package org.drizzle.engine.service;

import java.io.IOException;

/** A frame broke the wire protocol (too large, bad length, not JSON, unknown type). */
public class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
