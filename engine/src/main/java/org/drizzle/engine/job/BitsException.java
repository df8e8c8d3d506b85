package org.drizzle.engine.job;

/**
 * An engine call refused with a BITS HRESULT (BG_E_INVALID_STATE, E_ACCESSDENIED, ...). The
 * message names the bad value; the state of the engine is unchanged when this is thrown.
 */
public class BitsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public BitsException(int code, String message) {
        super(message);
        this.code = code;
    }

    public BitsException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The HRESULT. */
    public int code() {
        return code;
    }

    /** {@code BG_E_INVALID_STATE (0x80200002)}. */
    public String codeName() {
        return ErrorCodes.name(code) + " (" + ErrorCodes.hex(code) + ")";
    }
}
