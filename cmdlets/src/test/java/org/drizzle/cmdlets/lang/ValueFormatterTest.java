package org.drizzle.cmdlets.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValueFormatterTest {
    @Test
    void scalarsPrintAsPowerShellDoes() {
        assertThat(ValueFormatter.format(true)).isEqualTo("True");
        assertThat(ValueFormatter.format(2.50)).isEqualTo("2.5");
        assertThat(ValueFormatter.format(1e-7)).isEqualTo("1E-07");
        assertThat(ValueFormatter.format(LocalDateTime.of(2026, 11, 24, 13, 9, 5))).isEqualTo("11/24/2026 1:09:05 PM");
        assertThat(ValueFormatter.format(Duration.ofSeconds(90061))).isEqualTo("1.01:01:01");
        assertThat(ValueFormatter.format(Duration.ofMillis(1500))).isEqualTo("00:00:01.5000000");
    }
}
