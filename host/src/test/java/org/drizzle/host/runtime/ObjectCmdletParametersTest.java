package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** PowerShell 7 parameters of the object cmdlets that scripts use: Select-Object, Sort-Object, Start-Sleep. */
class ObjectCmdletParametersTest {
    private static Result run(String script) {
        Result r = new ScriptHarness().run(script);
        assertThat(r.err()).as(script).isEmpty();
        return r;
    }

    @Test
    void selectObjectExcludePropertySkipLastAndIndex() {
        assertThat(run("([pscustomobject]@{ A = 1; B = 2; C = 3 } | Select-Object -ExcludeProperty B).PSObject.Properties.Name -join ','; "
                + "([pscustomobject]@{ A = 1; Bx = 2; By = 3 } | Select-Object * -ExcludeProperty B*).PSObject.Properties.Name -join ','; "
                + "(1..5 | Select-Object -SkipLast 2) -join ','; (10..15 | Select-Object -Index 0, 2) -join ','").lines())
                .containsExactly("A,C", "A", "1,2,3", "10,12");
    }

    @Test
    void sortObjectTopBottomAndStartSleepDuration() {
        assertThat(run("(5, 3, 9, 1 | Sort-Object -Top 2) -join ','; (5, 3, 9, 1 | Sort-Object -Bottom 1) -join ','; "
                + "(5, 3 | Sort-Object -Descending -Stable) -join ','; $t = Get-Date; Start-Sleep -Duration (New-TimeSpan -Milliseconds 300); "
                + "((Get-Date) - $t).TotalMilliseconds -ge 290").lines())
                .containsExactly("1,3", "9", "5,3", "True");
    }
}
