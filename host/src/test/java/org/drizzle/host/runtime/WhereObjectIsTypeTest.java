package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** Where-Object -Is/-IsNot resolve type names as the host's -is operator does (host types included). */
class WhereObjectIsTypeTest {
    @Test
    void typeLiteralsAndHostTypes() {
        Result r = new ScriptHarness().run("$o = [pscustomobject]@{ V = 1 }, [pscustomobject]@{ V = 'x' }, "
                + "[pscustomobject]@{ V = @{ a = 1 } }; ($o | Where-Object V -Is [int]).V; ($o | Where-Object V -Is hashtable).Count; "
                + "($o | Where-Object V -IsNot [int]).Count; try { $o | Where-Object V -Is [Nope.Type] } catch { $_.Exception.Message }");
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("1", "1", "2", "Unable to find type [Nope.Type].");
    }
}
