package org.drizzle.cmdlets.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Format-Table -Wrap -HideTableHeaders -GroupBy and Format-List -GroupBy. */
class FormatOptionsTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    private static PSCustomObject job(String name, String state) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Name", name);
        o.setProperty("State", state);
        return o;
    }

    private String text(List<Object> in, Object... args) {
        return host.run(in, cmd(args[0].toString(), java.util.Arrays.copyOfRange(args, 1, args.length))).get(0).toString();
    }

    @Test
    void hideTableHeadersLeavesOnlyTheRows() {
        String t = text(List.of(job("a", "Queued"), job("b", "Error")), "Format-Table", sw("HideTableHeaders"));
        assertThat(t).isEqualTo("\na    Queued\nb    Error\n\n");
    }

    @Test
    void wrapContinuesLongCellsOnTheNextLines() {
        host.width = 20;
        String longName = "abcdefghijklmnopqrstuvwxyz";
        String cut = text(List.of(job(longName, "Queued")), "Format-Table");
        assertThat(cut).contains("...").doesNotContain("xyz");
        String wrapped = text(List.of(job(longName, "Queued")), "Format-Table", sw("Wrap"));
        assertThat(wrapped).doesNotContain("...").contains("\nabcdefghijkl Queued\nmnopqrstuvwx\nyz\n");
        String lines = text(List.of(job("two\nlines", "Queued")), "Format-Table", sw("Wrap"));
        assertThat(lines).contains("\ntwo   Queued\nlines\n");
    }

    @Test
    void aFailingExpressionIsEmptyOrErrOrAnError() {
        java.util.Map<String, Object> size = java.util.Map.of("Name", "Size", "Expression",
                org.drizzle.cmdlets.testing.TestHost.block("$_.Size()", o -> {
                    if (o.toString().contains("b")) {
                        throw new IllegalStateException("You cannot call a method on a null-valued expression.");
                    }
                    return 7;
                }));
        List<Object> in = List.of(job("a", "Queued"), job("b", "Error"));
        Object[] props = {"Name", size};
        assertThat(text(in, "Format-Table", p("Property", props))).isEqualTo("\nName Size\n---- ----\na       7\nb\n\n");
        assertThat(text(in, "Format-Table", p("Property", props), sw("DisplayError")))
                .isEqualTo("\nName Size\n---- ----\na    7\nb    #ERR\n\n");
        assertThat(host.errors).isEmpty();
        assertThat(text(in, "Format-List", p("Property", props), sw("DisplayError"), sw("ShowError")))
                .isEqualTo("\nName : a\nSize : 7\n\nName : b\nSize : #ERR\n\n");
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("null-valued expression"));
    }

    @Test
    void groupByMakesATablePerRunOfEqualValues() {
        List<Object> in = List.of(job("a", "Queued"), job("b", "Queued"), job("c", "Error"), job("d", "Queued"));
        String t = text(in, "Format-Table", p("Property", new Object[] {"Name"}), p("GroupBy", "State"));
        assertThat(t).isEqualTo("\n   State: Queued\n\nName\n----\na\nb\n\n"
                + "\n   State: Error\n\nName\n----\nc\n\n"
                + "\n   State: Queued\n\nName\n----\nd\n\n");
        String l = text(List.of(job("a", "Queued"), job("c", "Error")), "Format-List", p("Property", new Object[] {"Name"}),
                p("GroupBy", "State"));
        assertThat(l).isEqualTo("\n   State: Queued\n\nName : a\n\n\n   State: Error\n\nName : c\n\n");
    }
}
