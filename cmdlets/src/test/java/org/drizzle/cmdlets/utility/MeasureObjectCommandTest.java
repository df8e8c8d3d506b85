package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measure-Object's PowerShell 7 measures: text (-Line/-Word/-Character) and -StandardDeviation/-AllStats. */
class MeasureObjectCommandTest {
    @TempDir
    Path dir;

    private Object get(Object o, String name) {
        return Members.getProperty(o, name);
    }

    @Test
    void countsLinesWordsAndCharactersOfAFilesText() throws Exception {
        TestHost host = new TestHost(dir, null);
        Files.write(dir.resolve("tmp.txt"), List.of("One", "Two", "Three", "Four"));
        Object m = host.run(cmd("Get-Content", "tmp.txt"), cmd("Measure-Object", sw("Character"), sw("Line"), sw("Word"))).get(0);
        assertThat(get(m, "Lines")).isEqualTo(4);
        assertThat(get(m, "Words")).isEqualTo(4);
        assertThat(get(m, "Characters")).isEqualTo(15);
        assertThat(get(m, "Property")).isNull();
    }

    @Test
    void countsInsideAndAcrossInputsAsPowerShellsExamplesShow() {
        TestHost host = new TestHost(dir, null);
        assertThat(get(host.run(List.of("One\nTwo\nThree"), cmd("Measure-Object", sw("Line"))).get(0), "Lines")).isEqualTo(3);
        assertThat(get(host.run(List.of("One", "Two\nThree"), cmd("Measure-Object", sw("Line"))).get(0), "Lines")).isEqualTo(3);
        Object m = host.run(List.of("One, Two", "Three", "Four Five"), cmd("Measure-Object", sw("Word"), sw("Line"))).get(0);
        assertThat(get(m, "Lines")).isEqualTo(3);
        assertThat(get(m, "Words")).isEqualTo(5);
        assertThat(get(m, "Characters")).isNull();
        Object c = host.run(List.of("a b\tc "), cmd("Measure-Object", sw("Character"), sw("IgnoreWhiteSpace"))).get(0);
        assertThat(get(c, "Characters")).isEqualTo(3);
    }

    @Test
    void allStatsAndStandardDeviationGiveTheSampleDeviation() {
        TestHost host = new TestHost(dir, null);
        Object m = host.run(List.of(1, 2, 3, 4, 5), cmd("Measure-Object", sw("AllStats"))).get(0);
        assertThat(get(m, "Count")).isEqualTo(5);
        assertThat(get(m, "Average")).isEqualTo(3.0);
        assertThat(get(m, "Sum")).isEqualTo(15.0);
        assertThat(get(m, "Maximum")).isEqualTo(5.0);
        assertThat(get(m, "Minimum")).isEqualTo(1.0);
        assertThat((double) get(m, "StandardDeviation")).isCloseTo(1.58113883008419, org.assertj.core.data.Offset.offset(1e-12));
        Object sd = host.run(List.of(2, 4), cmd("Measure-Object", sw("StandardDeviation"))).get(0);
        assertThat((double) get(sd, "StandardDeviation")).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(get(sd, "Sum")).isNull();
        assertThat(Members.propertyNames(m)).containsExactly("Count", "Average", "Sum", "Maximum", "Minimum",
                "StandardDeviation", "Property");
    }

    @Test
    void textAndNumericMeasuresCannotBeMixed() {
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(List.of("a"), cmd("Measure-Object", sw("Line"), sw("Sum"))))
                .hasMessageContaining("Parameter set cannot be resolved");
    }
}
