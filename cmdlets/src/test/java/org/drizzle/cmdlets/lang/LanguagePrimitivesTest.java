package org.drizzle.cmdlets.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import org.drizzle.engine.job.JobState;
import org.junit.jupiter.api.Test;

class LanguagePrimitivesTest {

    @Test
    void intCastRoundsHalfToEvenAndDoesNotTruncate() {
        assertThat(LanguagePrimitives.toInt(2.5)).isEqualTo(2);
        assertThat(LanguagePrimitives.toInt(3.5)).isEqualTo(4);
        assertThat(LanguagePrimitives.toInt(2.7)).isEqualTo(3);
        assertThat(LanguagePrimitives.toInt(-2.5)).isEqualTo(-2);
        assertThat(LanguagePrimitives.toInt(" 42 ")).isEqualTo(42);
        assertThat(LanguagePrimitives.toInt("0x1F")).isEqualTo(31);
        assertThat(LanguagePrimitives.toInt(null)).isZero();
        assertThat(LanguagePrimitives.toInt(true)).isEqualTo(1);
    }

    @Test
    void badNumbersNameTheValue() {
        assertThatThrownBy(() -> LanguagePrimitives.toInt("abc"))
                .isInstanceOf(ConversionException.class).hasMessageContaining("\"abc\"").hasMessageContaining("Int32");
        assertThatThrownBy(() -> LanguagePrimitives.toInt(5_000_000_000L)).hasMessageContaining("too large");
    }

    @Test
    void parsesSizeSuffixesAndWidensIntegers() {
        assertThat(LanguagePrimitives.parseNumber("10KB")).isEqualTo(10240);
        assertThat(LanguagePrimitives.parseNumber("1.5MB")).isEqualTo(1572864.0);
        assertThat(LanguagePrimitives.parseNumber("4GB")).isEqualTo(4294967296L);
        assertThat(LanguagePrimitives.parseNumber("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(LanguagePrimitives.parseNumber("1e3")).isEqualTo(1000.0);
        assertThat(LanguagePrimitives.parseNumber("x1")).isNull();
    }

    @Test
    void truthiness() {
        assertThat(LanguagePrimitives.isTrue(null)).isFalse();
        assertThat(LanguagePrimitives.isTrue("")).isFalse();
        assertThat(LanguagePrimitives.isTrue("false")).isTrue();
        assertThat(LanguagePrimitives.isTrue(0)).isFalse();
        assertThat(LanguagePrimitives.isTrue(List.of())).isFalse();
        assertThat(LanguagePrimitives.isTrue(List.of(false))).isFalse();
        assertThat(LanguagePrimitives.isTrue(List.of(false, false))).isTrue();
    }

    @Test
    void stringsOfValuesAsPowerShellPrintsThem() {
        assertThat(LanguagePrimitives.toStr(List.of(1, "a", true))).isEqualTo("1 a True");
        assertThat(LanguagePrimitives.toStr(3.0)).isEqualTo("3");
        assertThat(LanguagePrimitives.toStr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(LanguagePrimitives.toStr(1e20)).isEqualTo("1E+20");
        assertThat(LanguagePrimitives.toStr(JobState.TRANSIENT_ERROR)).isEqualTo("TransientError");
        assertThat(LanguagePrimitives.toStr(null)).isEmpty();
    }

    @Test
    void convertsEnumsGuidsAndArrays() {
        assertThat(LanguagePrimitives.convertTo("transienterror", JobState.class)).isEqualTo(JobState.TRANSIENT_ERROR);
        assertThatThrownBy(() -> LanguagePrimitives.convertTo("Urgent", JobState.class))
                .hasMessageContaining("Urgent").hasMessageContaining("valid values");
        UUID id = UUID.randomUUID();
        assertThat(LanguagePrimitives.toGuid("{" + id + "}")).isEqualTo(id);
        assertThat(LanguagePrimitives.toGuid(id.toString().replace("-", ""))).isEqualTo(id);
        assertThat((String[]) LanguagePrimitives.convertTo(List.of("a", 1), String[].class)).containsExactly("a", "1");
        assertThat((int[]) LanguagePrimitives.convertTo("7", int[].class)).containsExactly(7);
        assertThat(LanguagePrimitives.toDateTime("2026-11-24").getYear()).isEqualTo(2026);
    }
}
