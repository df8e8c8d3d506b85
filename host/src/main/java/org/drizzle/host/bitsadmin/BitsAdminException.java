package org.drizzle.host.bitsadmin;

import java.util.Locale;
import org.drizzle.engine.job.ErrorCodes;

/**
 * A failed bitsadmin command: what it was doing, the HRESULT and the text naming the bad value.
 * Printed as bitsadmin prints failures: {@code Unable to <action> - 0x80200001} and a second
 * line with the description.
 */
final class BitsAdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String action;

    BitsAdminException(int code, String action, String detail) {
        super(detail == null ? ErrorCodes.describe(code) : detail);
        this.code = code;
        this.action = action;
    }

    /** E_NOTIMPL: a switch whose feature has no meaning on this platform. */
    static BitsAdminException notSupported(String switchName, String action, String why) {
        return new BitsAdminException(ErrorCodes.E_NOTIMPL, action,
                switchName.toUpperCase(Locale.ROOT) + " is not supported on this platform: " + why);
    }

    /** E_INVALIDARG naming the bad value. */
    static BitsAdminException invalid(String action, String detail) {
        return new BitsAdminException(ErrorCodes.E_INVALIDARG, action, detail);
    }

    int code() {
        return code;
    }

    String action() {
        return action;
    }
}
