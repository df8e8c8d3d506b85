package org.drizzle.cmdlets.dotnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompositeFormatTest {
    private static String f(String format, Object... args) {
        return CompositeFormat.format(format, Arrays.asList(args));
    }

    @Test
    void indexesRepeatAndBracesEscape() {
        assertThat(f("{0} of {1} ({0})", 3, 5)).isEqualTo("3 of 5 (3)");
        assertThat(f("{{literal}} {0}", "x")).isEqualTo("{literal} x");
        assertThat(f("{0}", (Object) null)).isEmpty();
    }

    @Test
    void alignmentPadsLeftOrRight() {
        assertThat(f("[{0,-10}]", "job")).isEqualTo("[job       ]");
        assertThat(f("[{0,6}]", 42)).isEqualTo("[    42]");
        assertThat(f("[{0,-3}]", "longer")).isEqualTo("[longer]");
        assertThat(f("[{0,8:N2}]", 1234.5)).isEqualTo("[1,234.50]");
    }

    @Test
    void numberFormatsAsDotNetEnUs() {
        assertThat(f("{0:N2} MB", 1536.0 / 1024)).isEqualTo("1.50 MB");
        assertThat(f("{0:N2}", 2.675)).isEqualTo("2.68");
        assertThat(f("{0:N0}", 1234567)).isEqualTo("1,234,567");
        assertThat(f("{0:N}", -0.001)).isEqualTo("0.00");
        assertThat(f("{0:F1}", 2.25)).isEqualTo("2.3");
        assertThat(f("{0:P1}", 0.1234)).isEqualTo("12.3%");
        assertThat(f("{0:P0}", 0.5)).isEqualTo("50%");
        assertThat(f("{0:D3}", 7)).isEqualTo("007");
        assertThat(f("{0:D3}", -7)).isEqualTo("-007");
        assertThat(f("{0:X}", 255)).isEqualTo("FF");
        assertThat(f("{0:x8}", 255)).isEqualTo("000000ff");
        assertThat(f("{0:X}", -1)).isEqualTo("FFFFFFFF");
        assertThat(f("{0:E2}", 12345.678)).isEqualTo("1.23E+004");
        assertThat(f("{0:C}", 1234.5)).isEqualTo("$1,234.50");
        assertThat(f("{0:#,##0.0}", 9876.54)).isEqualTo("9,876.5");
        assertThat(f("{0:0.##}", 3.0)).isEqualTo("3");
    }

    @Test
    void integerOnlyFormatsRefuseFractions() {
        assertThatThrownBy(() -> f("{0:D3}", 1.5)).isInstanceOf(DotNetException.class).hasMessageContaining("D3");
    }

    @Test
    void datesAndTimeSpansTakeTheirOwnFormats() {
        OffsetDateTime d = OffsetDateTime.of(2026, 3, 7, 14, 5, 9, 0, ZoneOffset.UTC);
        assertThat(f("{0:yyyy-MM-dd}", d)).isEqualTo("2026-03-07");
        assertThat(f("{0:HH:mm:ss}", d)).isEqualTo("14:05:09");
        Duration span = Duration.ofMinutes(83).plusSeconds(7);
        assertThat(f("{0:mm\\:ss}", span)).isEqualTo("23:07");
        assertThat(f("{0:hh\\:mm\\:ss}", span)).isEqualTo("01:23:07");
        assertThat(f("{0}", span)).isEqualTo("01:23:07");
        assertThat(f("{0:N}", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")))
                .isEqualTo("0f8fad5bd9cb469fa16570867728950e");
    }

    @Test
    void malformedFormatsAndMissingArgumentsAreFormatErrors() {
        assertThatThrownBy(() -> f("{1}", "only one")).isInstanceOf(DotNetException.class)
                .hasMessageContaining("Index (zero based)").hasMessageContaining("{1}");
        assertThatThrownBy(() -> f("{0", "x")).hasMessageContaining("not in a correct format");
        assertThatThrownBy(() -> f("a } b")).hasMessageContaining("not in a correct format");
        assertThatThrownBy(() -> f("{x}", "x")).hasMessageContaining("not in a correct format");
    }

    @Test
    void stringFormatTakesAnArrayAsTheArgumentList() {
        TypeAdapter string = DotNetTypes.require("string");
        assertThat(string.invokeStatic("Format", Arrays.asList("{0}-{1}", new Object[] {"a", "b"}))).isEqualTo("a-b");
        assertThat(string.invokeStatic("Format", Arrays.asList("{0}-{1}", "a", "b"))).isEqualTo("a-b");
    }
}
