package org.drizzle.engine.job;

import java.util.Objects;

/**
 * A credential for one target and scheme (IBackgroundCopyJob2::SetCredentials). The password
 * never appears in {@link #toString()}; job snapshots given to clients omit credentials.
 */
public record Credential(AuthTarget target, AuthScheme scheme, String userName, String password) {
    public static final int MAX_USER_NAME = 300;
    public static final int MAX_PASSWORD = 65_535;

    public Credential {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scheme, "scheme");
        if (userName != null && userName.length() > MAX_USER_NAME) {
            throw new BitsException(ErrorCodes.BG_E_STRING_TOO_LONG,
                    "The user name is " + userName.length() + " characters; at most " + MAX_USER_NAME + " are allowed.");
        }
        if (password != null && password.length() > MAX_PASSWORD) {
            throw new BitsException(ErrorCodes.BG_E_STRING_TOO_LONG,
                    "The password is longer than " + MAX_PASSWORD + " characters.");
        }
    }

    @Override
    public String toString() {
        return "Credential[" + target + "/" + scheme + " user=" + userName + "]";
    }
}
