package org.drizzle.cmdlets.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

    @Test
    void integersStayIntegersAndDivisionMayGiveDouble() {
        assertThat(Arithmetic.add(2, 3)).isEqualTo(5);
        assertThat(Arithmetic.add(Integer.MAX_VALUE, 1)).isEqualTo(2147483648L);
        assertThat(Arithmetic.divide(7, 2)).isEqualTo(3.5);
        assertThat(Arithmetic.divide(6, 2)).isEqualTo(3);
        assertThat(Arithmetic.remainder(7, 3)).isEqualTo(1);
        assertThat(Arithmetic.multiply(1.5, 2)).isEqualTo(3.0);
        assertThat(Arithmetic.add(1, "2")).isEqualTo(3);
        assertThatThrownBy(() -> Arithmetic.divide(1, 0)).hasMessageContaining("divide by zero");
    }

    @Test
    void stringsArraysAndHashtables() {
        assertThat(Arithmetic.add("a", 1)).isEqualTo("a1");
        assertThat(Arithmetic.multiply("ab", 3)).isEqualTo("ababab");
        assertThat(Arithmetic.add(List.of(1, 2), 3)).isEqualTo(List.of(1, 2, 3));
        assertThat(Arithmetic.add(List.of(1), List.of(2, 3))).isEqualTo(List.of(1, 2, 3));
        Hashtable a = new Hashtable();
        a.put("A", 1);
        Hashtable b = new Hashtable();
        b.put("B", 2);
        Map<?, ?> sum = (Map<?, ?>) Arithmetic.add(a, b);
        assertThat(sum.get("a")).isEqualTo(1);
        assertThat(sum.get("b")).isEqualTo(2);
        assertThatThrownBy(() -> Arithmetic.add(a, a)).hasMessageContaining("already been added");
    }
}
