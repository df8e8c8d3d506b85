package org.drizzle.engine.job;

import java.nio.charset.StandardCharsets;

/**
 * A remote URL as BITS takes it from an admin: WinHTTP escapes what a URL may not hold, so a
 * space, a non-ASCII character (as UTF-8) or a stray {@code %} in a path reaches the server
 * percent-encoded instead of failing as an illegal character. Characters already escaped and
 * the URL's own delimiters are kept as written.
 */
public final class RemoteUrls {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RemoteUrls() {
    }

    /** {@code remote} with every character a URI may not contain percent-encoded. */
    public static String escape(String remote) {
        StringBuilder out = null;
        for (int i = 0; i < remote.length(); i++) {
            char c = remote.charAt(i);
            boolean keep = allowed(c) || (c == '%' && isEscape(remote, i));
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(remote.length() + 16).append(remote, 0, i);
            }
            if (keep) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < remote.length() ? i + 2 : i + 1;
            for (byte b : remote.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return out == null ? remote : out.toString();
    }

    /** RFC 3986 unreserved, reserved (gen-delims and sub-delims); everything else is escaped. */
    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
