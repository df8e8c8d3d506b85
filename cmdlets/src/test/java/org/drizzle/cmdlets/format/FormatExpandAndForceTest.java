package org.drizzle.cmdlets.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Format-Table/Format-List -Expand (a collection input) and -Force (error records as their properties). */
class FormatExpandAndForceTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    private static PSCustomObject row(String name) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Name", name);
        return o;
    }

    private String text(Object input, Object... args) {
        return host.run(List.of(input), cmd(args[0].toString(), java.util.Arrays.copyOfRange(args, 1, args.length)))
                .get(0).toString();
    }

    @Test
    void expandChoosesTheItemsTheCollectionOrBoth() {
        List<Object> pair = List.of(row("a"), row("b"));
        assertThat(text(pair, "Format-List")).isEqualTo("\nName : a\n\nName : b\n\n");
        String core = text(pair, "Format-List", p("Expand", "CoreOnly"));
        assertThat(core).contains("Length         : 2").contains("Count          : 2").doesNotContain("Name");
        String both = text(pair, "Format-List", p("Expand", "both"));
        assertThat(both).contains("Count          : 2").contains("Name : a").contains("Name : b");
        assertThat(both.indexOf("Count")).isLessThan(both.indexOf("Name : a"));
        assertThat(text(pair, "Format-Table", p("Expand", "EnumOnly"))).contains("a").contains("b").doesNotContain("Count");
        assertThatThrownBy(() -> text(pair, "Format-Table", p("Expand", "Deep")))
                .hasMessageContaining("Deep").hasMessageContaining("CoreOnly,EnumOnly,Both");
    }

    @Test
    void forceShowsAnErrorRecordsProperties() {
        ErrorRecord e = new ErrorRecord(new IllegalArgumentException("No such job."), "JobNotFound",
                ErrorCategory.OBJECT_NOT_FOUND, "x").withCommand("Get-BitsTransfer");
        assertThat(text(e, "Format-List")).isEqualTo("Get-BitsTransfer: No such job.\n");
        String forced = text(e, "Format-List", sw("Force"));
        assertThat(forced).contains("FullyQualifiedErrorId").contains("JobNotFound").contains("CategoryInfo");
        assertThat(text(e, "Format-Table")).isEqualTo("Get-BitsTransfer: No such job.\n");
        assertThat(text(e, "Format-Table", sw("Force"))).contains("FullyQualified").contains("JobNotFound");
    }
}
