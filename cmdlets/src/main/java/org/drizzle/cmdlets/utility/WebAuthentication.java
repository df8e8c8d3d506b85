package org.drizzle.cmdlets.utility;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.bits.SecureString;

/**
 * -Authentication of the web cmdlets: the Authorization header for Basic (from -Credential) or
 * Bearer/OAuth (from -Token), with PowerShell's checks and words when a piece is missing or the
 * secret would cross an unencrypted connection without -AllowUnencryptedAuthentication.
 */
final class WebAuthentication {
    static final String[] KINDS = {"None", "Basic", "Bearer", "OAuth"};

    private WebAuthentication() {
    }

    /** The Authorization header value, or null for None; a problem is an IllegalArgumentException in PowerShell's words. */
    static String header(String kind, PSCredential credential, SecureString token, boolean https, boolean allowUnencrypted) {
        String k = kind == null ? "none" : kind.toLowerCase(Locale.ROOT);
        if (k.equals("none")) {
            return null;
        }
        if (!https && !allowUnencrypted) {
            throw new IllegalArgumentException("The cmdlet cannot protect plain text secrets sent over unencrypted "
                    + "connections. To suppress this warning and send plain text secrets over unencrypted networks, "
                    + "reissue the command specifying the AllowUnencryptedAuthentication parameter.");
        }
        if (k.equals("basic")) {
            if (credential == null) {
                throw missing("Credential", "Basic");
            }
            String pair = credential.userName() + ":" + credential.password();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        if (token == null) {
            throw missing("Token", k.equals("oauth") ? "OAuth" : "Bearer");
        }
        return "Bearer " + new String(token.chars());
    }

    private static IllegalArgumentException missing(String parameter, String kind) {
        return new IllegalArgumentException("The cmdlet cannot run because the following parameter is missing: "
                + parameter + ". Provide a valid " + parameter + " parameter value when using the " + kind
                + " Authentication parameter, then retry.");
    }
}
