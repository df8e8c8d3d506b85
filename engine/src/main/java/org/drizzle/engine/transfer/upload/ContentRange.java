package org.drizzle.engine.transfer.upload;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Fragment's {@code Content-Range: bytes first-last/total}. An empty file travels as
 * {@code bytes *}{@code /0} with no body (Drizzle's choice; the protocol has no form for it).
 *
 * @param first first byte offset, or -1 for the empty form
 * @param last  last byte offset (inclusive), or -1 for the empty form
 */
public record ContentRange(long first, long last, long total) {
    private static final Pattern RANGE = Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18})");
    private static final Pattern EMPTY = Pattern.compile("bytes\\s+\\*/(\\d{1,18})");

    /** The number of bytes this range covers. */
    public long length() {
        return first < 0 ? 0 : last - first + 1;
    }

    /** The header value, with the lower-case unit Windows sends. */
    public String format() {
        return first < 0 ? "bytes */" + total : "bytes " + first + "-" + last + "/" + total;
    }

    public static ContentRange of(long offset, long length, long total) {
        return length == 0 ? new ContentRange(-1, -1, total) : new ContentRange(offset, offset + length - 1, total);
    }

    /** Parses case-insensitively; null when malformed or inconsistent (first > last, last >= total). */
    public static ContentRange parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = Long.parseLong(m.group(3));
            return first <= last && last < total ? new ContentRange(first, last, total) : null;
        }
        Matcher e = EMPTY.matcher(t);
        return e.matches() ? new ContentRange(-1, -1, Long.parseLong(e.group(1))) : null;
    }
}
