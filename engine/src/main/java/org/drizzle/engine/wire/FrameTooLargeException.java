package org.drizzle.engine.wire;

import java.io.IOException;

/** A frame header announced more bytes than the connection accepts; nothing of it was read. */
public final class FrameTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    FrameTooLargeException(long length, int max) {
        super("Frame of " + length + " bytes is larger than the " + max + "-byte limit.");
    }
}
