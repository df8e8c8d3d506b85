package org.drizzle.host.runtime;

/** {@code exit N}: unwinds the whole script; the process exits with the code. */
public final class ExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public ExitException(int code) {
        super("exit " + code, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
