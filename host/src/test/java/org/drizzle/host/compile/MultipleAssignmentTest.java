package org.drizzle.host.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** {@code $a, $b = value} run end to end: elements in order, the last variable takes the remainder. */
class MultipleAssignmentTest {

    private static List<String> lines(String src) {
        Result r = ScriptHarness.exec(src);
        assertThat(r.err()).as("stderr of: " + src).isEmpty();
        return r.lines();
    }

    @Test
    void splitLineGoesIntoTwoVariables() {
        assertThat(lines("$line = 'SHA256 ABCD'; $algorithm, $hash = $line -split ' '; $algorithm; $hash"))
                .containsExactly("SHA256", "ABCD");
    }

    @Test
    void lastVariableTakesTheRemainderAsAnArray() {
        assertThat(lines("$first, $rest = @(1, 2, 3); $first; $rest.Count; $rest -join '+'; $rest -is [array]"))
                .containsExactly("1", "2", "2+3", "True");
        assertThat(lines("$a, $b, $c = 'x', 'y', 'z', 'w'; $a; $b; $c -join ','")).containsExactly("x", "y", "z,w");
    }

    @Test
    void oneElementLeftIsAScalarAndMissingOnesAreNull() {
        assertThat(lines("$a, $b = 1, 2; $b -is [array]; $b")).containsExactly("False", "2");
        assertThat(lines("$a, $b, $c = 7; $a; $null -eq $b; $null -eq $c")).containsExactly("7", "True", "True");
        assertThat(lines("$a, $b = $null; $null -eq $a; $null -eq $b")).containsExactly("True", "True");
    }

    @Test
    void nestedArraysAndNullElementsSurvive() {
        assertThat(lines("$a, $b = @(1, 2), @(3, 4); $a.Count; $b -join '+'")).containsExactly("2", "3+4");
        assertThat(lines("$a, $rest = 1, $null, 3; $rest.Count; $null -eq $rest[0]")).containsExactly("2", "True");
    }

    @Test
    void theValueIsTakenBeforeAnyTargetChangesSoASwapWorks() {
        assertThat(lines("$x = 1; $y = 2; $x, $y = $y, $x; \"$x $y\"")).containsExactly("2 1");
    }

    @Test
    void targetsMayBePropertiesIndexesAndTypedVariables() {
        assertThat(lines("$h = @{}; $x = @(0, 0); $h.Name, $x[1], [int]$n = 'job', 'b', '42'; $h.Name; $x[1]; $n + 1"))
                .containsExactly("job", "b", "43");
    }

    @Test
    void worksInsideLoopsAndFromPipelines() {
        assertThat(lines("foreach ($l in 'a=1', 'b=2') { $k, $v = $l.Split('='); \"$v$k\" }")).containsExactly("1a", "2b");
        assertThat(lines("$first, $others = Write-Output 5 6 7; $first; $others -join ','")).containsExactly("5", "6,7");
    }
}
