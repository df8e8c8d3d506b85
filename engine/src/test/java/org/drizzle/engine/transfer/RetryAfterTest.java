package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After from the network: both forms, bounded, garbage ignored. */
class RetryAfterTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void secondsAndHttpDates() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Mon, 01 Jun 2026 00:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse("Sun, 31 May 2026 23:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void hugeValuesAreCappedAndGarbageIsAbsent() {
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("864000", NOW)).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("1".repeat(100), NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }

    @Test
    void onlyBusyStatusesCarryIt() {
        assertThat(HttpFailures.status(503, "u", "30").retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpFailures.status(429, "u", "30").retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpFailures.status(500, "u", "30").retryAfter()).isNull();
        assertThat(HttpFailures.status(503, "u", "30").toJobError().retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }
}
