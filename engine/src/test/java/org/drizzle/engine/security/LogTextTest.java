package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.engine.log.LogText;
import org.junit.jupiter.api.Test;

/** The one escaping rule for user text in log lines (issue 13 item 8). */
class LogTextTest {

    @Test
    void lineBreaksAndControlsBecomeVisibleEscapes() {
        assertThat(LogText.of("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(LogText.of("nul\0del\u007Fesc\u001Bc1\u0085")).isEqualTo("nul\\x00del\\x7Fesc\\x1Bc1\\x85");
    }

    @Test
    void unicodeLineSeparatorsBidiAndZeroWidthCharactersAreEscaped() {
        assertThat(LogText.of("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
        assertThat(LogText.of("evil\u202Etxt.exe\u200B\uFEFF")).isEqualTo("evil\\u202Etxt.exe\\u200B\\uFEFF");
        assertThat(LogText.of("lone \uD800 surrogate")).isEqualTo("lone \\uD800 surrogate");
    }

    @Test
    void ordinaryTextIsKeptIncludingBackslashesAndNonLatinLetters() {
        assertThat(LogText.of("C:\\Users\\x y.iso — Zürich 東京 😀")).isEqualTo("C:\\Users\\x y.iso — Zürich 東京 😀");
        assertThat(LogText.of(null)).isEqualTo("null");
    }

    @Test
    void escapingTwiceChangesNothing() {
        String once = LogText.of("a\nb\u0000c\u202E");
        assertThat(LogText.of(once)).isEqualTo(once);
        assertThat(once).doesNotContain("\n", "\u0000", "\u202E");
    }

    @Test
    void exceptionsAreEscapedWithTheirType() {
        assertThat(LogText.of(new IllegalStateException("bad\nFAKE"))).isEqualTo("java.lang.IllegalStateException: bad\\nFAKE");
    }
}
