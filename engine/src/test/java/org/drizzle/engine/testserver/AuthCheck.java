package org.drizzle.engine.testserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Server side of HTTP Basic (RFC 7617) and Digest (RFC 7616, MD5, qop=auth) for {@link FaultServer}. */
final class AuthCheck {
    static final String REALM = "drizzle-test";
    static final String NONCE = "3q2+7w==fault-server-nonce";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private AuthCheck() {
    }

    /** The WWW-Authenticate challenge for {@code scheme}. */
    static String challenge(String scheme) {
        if ("Digest".equals(scheme)) {
            return "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + NONCE
                    + "\", opaque=\"0pq\", algorithm=MD5";
        }
        return "Basic realm=\"" + REALM + "\"";
    }

    /** Whether {@code authorization} proves {@code user}/{@code password} with {@code scheme}. */
    static boolean accepts(String scheme, String user, String password, String method, String authorization) {
        if (authorization == null) {
            return false;
        }
        if ("Basic".equals(scheme)) {
            String expected = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return authorization.equals("Basic " + expected);
        }
        if (!authorization.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!user.equals(p.get("username")) || !NONCE.equals(p.get("nonce")) || p.get("response") == null) {
            return false;
        }
        String ha1 = md5(user + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + p.get("uri"));
        String expected = p.get("qop") == null ? md5(ha1 + ":" + NONCE + ":" + ha2)
                : md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
        return expected.equals(p.get("response"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
