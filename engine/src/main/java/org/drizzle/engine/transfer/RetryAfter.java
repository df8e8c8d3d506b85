package org.drizzle.engine.transfer;

import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Reads a server's Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. The value
 * comes from the network, so it is bounded: longer than {@link #MAX} counts as {@link #MAX}
 * (NoProgressTimeout still ends the job's retries), a date in the past as zero, anything that
 * does not parse as absent.
 */
final class RetryAfter {
    /** The longest wait a server can impose on one retry. */
    static final Duration MAX = Duration.ofDays(1);
    private static final int MAX_LENGTH = 64;

    private RetryAfter() {
    }

    /** The delay {@code header} asks for, counted from {@code now}; null if absent or unreadable. */
    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            return null;
        }
        String v = header.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? MAX : bounded(Duration.ofSeconds(Long.parseLong(v)));
        }
        Instant at = DateUtils.parseStandardDate(v);
        return at == null ? null : bounded(Duration.between(now, at));
    }

    private static Duration bounded(Duration d) {
        return d.isNegative() ? Duration.ZERO : d.compareTo(MAX) > 0 ? MAX : d;
    }
}
