package org.drizzle.engine.transfer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range: bytes first-last/total} header (RFC 9110 §14.4); total is -1 when
 * the server sends {@code *}.
 */
record ContentRange(long first, long last, long total) {
    private static final Pattern SATISFIED = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSATISFIED = Pattern.compile("bytes\\s+\\*/(\\d+)", Pattern.CASE_INSENSITIVE);

    /** The range of a 206, or null if the header is missing or malformed. */
    static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = SATISFIED.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
        if (last < first || (total >= 0 && last >= total)) {
            return null;
        }
        return new ContentRange(first, last, total);
    }

    /** The size in a 416's {@code bytes *\/size}, or -1. */
    static long unsatisfiedSize(String header) {
        if (header == null) {
            return -1;
        }
        Matcher m = UNSATISFIED.matcher(header.trim());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    long length() {
        return last - first + 1;
    }
}
