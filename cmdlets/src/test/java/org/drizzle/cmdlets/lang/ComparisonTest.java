package org.drizzle.cmdlets.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.drizzle.engine.job.JobState;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void stringsCompareIgnoringCaseUnlessTheCFamily() {
        assertThat(Comparison.apply("eq", "Error", "error")).isEqualTo(true);
        assertThat(Comparison.apply("ceq", "Error", "error")).isEqualTo(false);
        assertThat(Comparison.apply("ieq", "Error", "ERROR")).isEqualTo(true);
        assertThat(Comparison.apply("lt", "apple", "Banana")).isEqualTo(true);
        assertThat(Comparison.apply("cne", "a", "A")).isEqualTo(true);
    }

    @Test
    void leftOperandDrivesConversion() {
        assertThat(Comparison.apply("eq", 10, "10")).isEqualTo(true);
        assertThat(Comparison.apply("eq", "10", 10.0)).isEqualTo(true);
        assertThat(Comparison.apply("eq", "10.0", 10)).isEqualTo(false);
        assertThat(Comparison.apply("gt", 10, "9")).isEqualTo(true);
        assertThat(Comparison.apply("gt", "10", "9")).isEqualTo(false);
        assertThat(Comparison.apply("eq", 1, "abc")).isEqualTo(false);
        assertThat(Comparison.apply("eq", true, "yes")).isEqualTo(true);
        assertThat(Comparison.apply("eq", null, null)).isEqualTo(true);
        assertThat(Comparison.apply("eq", "", null)).isEqualTo(false);
    }

    @Test
    void enumsCompareWithTheirNames() {
        assertThat(Comparison.apply("eq", JobState.TRANSFERRED, "transferred")).isEqualTo(true);
        assertThat(Comparison.apply("in", JobState.CONNECTING, List.of("Connecting", "Transferring"))).isEqualTo(true);
        assertThat(Comparison.apply("notin", JobState.ERROR, List.of("Connecting", "Transferring"))).isEqualTo(true);
        assertThat(Comparison.apply("eq", JobState.TRANSIENT_ERROR, "Transient_Error")).isEqualTo(true);
    }

    @Test
    void uint64MaxValueComparesExactly() {
        BigInteger max = new BigInteger("18446744073709551615");
        assertThat(Comparison.apply("ne", max, max)).isEqualTo(false);
        assertThat(Comparison.apply("gt", max, Long.MAX_VALUE)).isEqualTo(true);
        assertThat(Comparison.apply("eq", 5L, 5)).isEqualTo(true);
        assertThat(Comparison.apply("lt", 2, 2.5)).isEqualTo(true);
    }

    @Test
    void arraysOnTheLeftFilter() {
        assertThat(Comparison.apply("gt", List.of(1, 2, 3), 1)).isEqualTo(List.of(2, 3));
        assertThat(Comparison.apply("eq", List.of("a", "B", "b"), "b")).isEqualTo(List.of("B", "b"));
        assertThat(Comparison.apply("contains", List.of("a", "B"), "b")).isEqualTo(true);
        assertThat(Comparison.apply("ccontains", List.of("a", "B"), "b")).isEqualTo(false);
        assertThat(Comparison.apply("like", List.of("job1", "x", "JOB2"), "job*")).isEqualTo(List.of("job1", "JOB2"));
    }

    @Test
    void likeAndMatch() {
        assertThat(Comparison.apply("like", "report.TXT", "*.txt")).isEqualTo(true);
        assertThat(Comparison.apply("like", "a1", "a[0-9]")).isEqualTo(true);
        assertThat(Comparison.apply("notlike", "a1", "?")).isEqualTo(true);
        assertThat(Comparison.apply("clike", "A", "a")).isEqualTo(false);
        Hashtable m = Comparison.match("file-42.iso", "(?<n>\\d+)\\.(ISO)", false);
        assertThat(m.get(0)).isEqualTo("42.iso");
        assertThat(m.get("N")).isEqualTo("42");
        assertThat(m.get(2)).isEqualTo("iso");
        assertThat(Comparison.match("abc", "x", false)).isNull();
    }

    @Test
    void wildcardsEscapeAndDetect() {
        assertThat(WildcardPattern.of("a`*").matches("a*")).isTrue();
        assertThat(WildcardPattern.of("a`*").matches("ab")).isFalse();
        assertThat(WildcardPattern.of("a.b").matches("axb")).isFalse();
        assertThat(WildcardPattern.containsWildcard("job`*")).isFalse();
        assertThat(WildcardPattern.containsWildcard("job*")).isTrue();
    }
}
