package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.block;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** ForEach-Object -WhatIf/-Confirm: as in PowerShell, for -MemberName only; script blocks refuse them. */
class ForEachObjectShouldProcessTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    @Test
    void whatIfShowsEachMemberCallAndRunsNone() {
        List<Object> list = new ArrayList<>(List.of("x"));
        assertThat(host.run(List.of(list), cmd("ForEach-Object", "Add", "y", sw("WhatIf")))).isEmpty();
        assertThat(list).containsExactly("x");
        assertThat(host.run(List.of("abc", "de"), cmd("ForEach-Object", p("MemberName", "Length"), sw("WhatIf"))))
                .isEmpty();
        assertThat(host.run(List.of("a.b"), cmd("ForEach-Object", "ToUpper", sw("WhatIf")))).isEmpty();
        assertThat(host.run(List.of(Map.of("k", 1)), cmd("ForEach-Object", "k", sw("WhatIf")))).isEmpty();
        assertThat(host.console.toString()).isEqualTo(
                "What if: Performing the operation \"Invoke method 'Add' with arguments: y\" on target \"InputObject: x\".\n"
                + "What if: Performing the operation \"Retrieve the value for property 'Length'\" on target \"InputObject: abc\".\n"
                + "What if: Performing the operation \"Retrieve the value for property 'Length'\" on target \"InputObject: de\".\n"
                + "What if: Performing the operation \"Invoke method 'ToUpper'\" on target \"InputObject: a.b\".\n"
                + "What if: Performing the operation \"Retrieve the value for key 'k'\" on target \"InputObject: System.Collections.Hashtable\".\n");
    }

    @Test
    void withoutWhatIfTheMemberRuns() {
        assertThat(host.run(List.of("abc"), cmd("ForEach-Object", "Length"))).containsExactly(3);
        assertThat(host.console.toString()).isEmpty();
    }

    @Test
    void scriptBlocksRefuseWhatIfAndConfirm() {
        Object b = block("$_", in -> in);
        assertThatThrownBy(() -> host.run(List.of(1), cmd("ForEach-Object", b, sw("WhatIf"))))
                .hasMessage("The -WhatIf and -Confirm parameters are not supported for script blocks.");
        assertThatThrownBy(() -> host.run(List.of(1), cmd("ForEach-Object", p("Process", new Object[] {b}), sw("Confirm"))))
                .hasMessage("The -WhatIf and -Confirm parameters are not supported for script blocks.");
    }
}
