package org.drizzle.engine.job;

/** {@code BG_FILE_RANGE}: part of a remote file to fetch (AddFileWithRanges); length -1 is to EOF. */
public record ByteRange(long initialOffset, long length) {
    /** {@code BG_LENGTH_TO_EOF}. */
    public static final long TO_EOF = -1;

    public ByteRange {
        if (initialOffset < 0 || (length < 0 && length != TO_EOF)) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_RANGE,
                    "The range " + initialOffset + ":" + length + " is not valid.");
        }
    }

    public boolean toEof() {
        return length == TO_EOF;
    }
}
