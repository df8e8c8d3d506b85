package org.drizzle.engine.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;

/** HTTP Basic authentication for one account; pair it with TLS, Basic sends the password in clear. */
final class BasicAuthGate {
    static final String CHALLENGE = "Basic realm=\"Drizzle BITS\", charset=\"UTF-8\"";
    private final byte[] expected;

    BasicAuthGate(String user, String password) {
        if (user == null || user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("Basic authentication user '" + user + "' must be non-empty and contain no ':'.");
        }
        this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request carries this account's credentials (compared in constant time). */
    boolean admits(ClassicHttpRequest request) {
        Header h = request.getFirstHeader("Authorization");
        if (h == null || !h.getValue().regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            byte[] given = Base64.getDecoder().decode(h.getValue().substring(6).trim());
            return MessageDigest.isEqual(given, expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
