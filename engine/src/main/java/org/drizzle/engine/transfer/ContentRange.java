package org.drizzle.engine.transfer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All byte-range syntax of HTTP (RFC 9110 §14) in one place: the {@code Content-Range} value
 * {@code bytes first-last/total} that a 206 answers and a BITS Fragment carries, its
 * {@code bytes *}{@code /total} form (a 416, or Drizzle's empty upload, which has no body), and
 * the {@code Range: bytes=first-last} request a download sends and the server answers.
 *
 * @param first first byte offset, or -1 for the {@code bytes *}{@code /total} form
 * @param last  last byte offset (inclusive), or -1 for that form
 * @param total the file size, or -1 when the server sent {@code *}
 */
public record ContentRange(long first, long last, long total) {
    private static final Pattern RANGE = Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern NO_RANGE = Pattern.compile("bytes\\s+\\*/(\\d{1,18})");
    private static final Pattern REQUEST = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** {@code length} bytes from {@code offset} of a {@code total}-byte file; an empty one is the {@code *} form. */
    public static ContentRange of(long offset, long length, long total) {
        return length == 0 ? new ContentRange(-1, -1, total) : new ContentRange(offset, offset + length - 1, total);
    }

    /** Whether this names bytes (not the {@code bytes *}{@code /total} form). */
    public boolean hasBytes() {
        return first >= 0;
    }

    /** The number of bytes this range covers. */
    public long length() {
        return first < 0 ? 0 : last - first + 1;
    }

    /** The header value, with the lower-case unit Windows sends. */
    public String format() {
        return first < 0 ? "bytes */" + total : "bytes " + first + "-" + last + "/" + (total < 0 ? "*" : total);
    }

    /**
     * Parses a Content-Range value case-insensitively, either form; null when missing,
     * malformed or inconsistent (first &gt; last, last &ge; total).
     */
    public static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        String t = header.trim().toLowerCase(Locale.ROOT);
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
            return first <= last && (total < 0 || last < total) ? new ContentRange(first, last, total) : null;
        }
        Matcher e = NO_RANGE.matcher(t);
        return e.matches() ? new ContentRange(-1, -1, Long.parseLong(e.group(1))) : null;
    }

    /** The size in a 416's {@code bytes *}{@code /size}, or -1. */
    public static long unsatisfiedSize(String header) {
        ContentRange r = parse(header);
        return r != null && !r.hasBytes() ? r.total() : -1;
    }

    /** The {@code Range} request value for bytes {@code from} to {@code to} (inclusive; -1: to the end). */
    public static String request(long from, long to) {
        return "bytes=" + from + "-" + (to >= 0 ? Long.toString(to) : "");
    }

    /**
     * How a server answers the {@code Range} request {@code header} for a {@code size}-byte file:
     * null to send the whole file (multi-range and other forms, which RFC 9110 allows), the
     * {@code bytes *}{@code /size} form for a 416, else the range of the 206 (clipped to the file).
     */
    public static ContentRange answer(String header, long size) {
        Matcher m = REQUEST.matcher(header.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (first >= size || first > last) {
            return new ContentRange(-1, -1, size);
        }
        return new ContentRange(first, last, size);
    }
}
