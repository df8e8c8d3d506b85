package org.drizzle.cmdlets.dotnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathTypeTest {
    private final TypeAdapter math = DotNetTypes.require("math");

    private Object call(String method, Object... args) {
        return math.invokeStatic(method, List.of(args));
    }

    @Test
    void roundIsBankersByDefaultAsInDotNet() {
        assertThat(call("Round", 2.5)).isEqualTo(2.0);
        assertThat(call("Round", 3.5)).isEqualTo(4.0);
        assertThat(call("Round", -2.5)).isEqualTo(-2.0);
        assertThat(call("Round", 0.125, 2)).isEqualTo(0.12);
        assertThat(call("Round", 0.135, 2)).isEqualTo(0.14);
    }

    @Test
    void roundWithDigitsShowsBinaryRepresentationLikeDotNetCore() {
        assertThat(call("Round", 2.135, 2)).isEqualTo(2.13);
        assertThat(call("Round", 1.005, 2)).isEqualTo(1.0);
        assertThat(call("Round", 1.005, 2, "AwayFromZero")).isEqualTo(1.0);
        assertThat(call("Round", 1234.5678, 1)).isEqualTo(1234.6);
        assertThat(call("Round", 12.3456, 0)).isEqualTo(12.0);
    }

    @Test
    void midpointRoundingModesFromEnumOrName() {
        Object away = DotNetTypes.require("System.MidpointRounding").getStatic("AwayFromZero");
        assertThat(call("Round", 2.5, away)).isEqualTo(3.0);
        assertThat(call("Round", -2.5, "AwayFromZero")).isEqualTo(-3.0);
        assertThat(call("Round", 2.45, 1, "AwayFromZero")).isEqualTo(2.5);
        assertThat(call("Round", 2.45, 1, "ToEven")).isEqualTo(2.4);
        assertThat(call("Round", 2.99, 1, "ToZero")).isEqualTo(2.9);
        assertThat(call("Round", -2.91, 1, "ToNegativeInfinity")).isEqualTo(-3.0);
    }

    @Test
    void decimalsRoundExactly() {
        assertThat(call("Round", new BigDecimal("2.675"), 2)).isEqualTo(new BigDecimal("2.68"));
        assertThat(call("Round", new BigDecimal("2.665"), 2)).isEqualTo(new BigDecimal("2.66"));
    }

    @Test
    void roundRefusesDigitsOutOfRange() {
        assertThatThrownBy(() -> call("Round", 1.5, 16)).hasMessageContaining("between 0 and 15");
    }

    @Test
    void floorCeilingTruncateAbsMinMaxPowSqrt() {
        assertThat(call("Floor", -1.5)).isEqualTo(-2.0);
        assertThat(call("Ceiling", 1.1)).isEqualTo(2.0);
        assertThat(call("Truncate", -1.9)).isEqualTo(-1.0);
        assertThat(call("Abs", -5)).isEqualTo(5);
        assertThat(call("Abs", -5.5)).isEqualTo(5.5);
        assertThat(call("Min", 3, 7)).isEqualTo(3);
        assertThat(call("Min", 3, 7L)).isEqualTo(3L);
        assertThat(call("Max", 3, 7L)).isEqualTo(7L);
        assertThat(call("Max", 3, 7.5)).isEqualTo(7.5);
        assertThat(call("Pow", 2, 10)).isEqualTo(1024.0);
        assertThat(call("Sqrt", 16)).isEqualTo(4.0);
        assertThat(math.getStatic("PI")).isEqualTo(Math.PI);
    }

    @Test
    void unknownMemberAndWrongArgumentCountAreNamed() {
        assertThatThrownBy(() -> call("Frobnicate", 1)).isInstanceOf(DotNetException.class)
                .hasMessage("Method invocation failed because [System.Math] does not contain a method named 'Frobnicate'.");
        assertThatThrownBy(() -> call("Floor", 1, 2)).hasMessageContaining("\"Floor\"").hasMessageContaining("\"2\"");
        assertThatThrownBy(() -> math.getStatic("Tau")).hasMessageContaining("'Tau'").hasMessageContaining("[System.Math]");
    }
}
