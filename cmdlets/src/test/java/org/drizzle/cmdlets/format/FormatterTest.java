package org.drizzle.cmdlets.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatterTest {
    @TempDir
    Path dir;

    private static PSCustomObject obj(Object... kv) {
        PSCustomObject o = new PSCustomObject();
        for (int i = 0; i < kv.length; i += 2) {
            o.setProperty((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    @Test
    void fewPropertiesMakeATableWithNumbersRightAligned() {
        String text = Formatter.format(List.of(obj("Name", "a", "Size", 5), obj("Name", "longer", "Size", 12345)), 80);
        assertThat(text).isEqualTo("\nName    Size\n----    ----\na          5\nlonger 12345\n\n");
    }

    @Test
    void tableLinesEndWithoutTheirPaddingAndOtherSpacesStay() {
        String text = Formatter.format(List.of(obj("Name", "a", "Note", ""), obj("Name", "b c", "Note", "")), 80);
        assertThat(text).isEqualTo("\nName Note\n---- ----\na\nb c\n\n");
    }

    @Test
    void manyPropertiesMakeAList() {
        String text = Formatter.format(List.of(obj("A", 1, "Bb", 2, "C", 3, "D", 4, "Eeee", List.of("x", "y"))), 80);
        assertThat(text).isEqualTo("\nA    : 1\nBb   : 2\nC    : 3\nD    : 4\nEeee : {x, y}\n\n");
    }

    @Test
    void wideTablesShrinkToTheTerminalWidthWithEllipsis() {
        String text = Formatter.format(List.of(obj("Name", "x".repeat(100), "State", "Error")), 40);
        for (String line : text.split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(40);
        }
        assertThat(text).contains("...").contains("Error");
    }

    @Test
    void defaultViewPicksTheColumns() {
        class Job extends PSCustomObjectView {
        }
        String text = Formatter.format(List.of(new Job()), 80);
        assertThat(text).contains("JobId").contains("JobState").doesNotContain("Secret");
    }

    /** An object with a default view of two of its three properties. */
    static class PSCustomObjectView implements DefaultView, org.drizzle.cmdlets.lang.PropertyBag {
        @Override
        public List<String> defaultProperties() {
            return List.of("JobId", "JobState");
        }

        @Override
        public List<String> propertyNames() {
            return List.of("JobId", "JobState", "Secret");
        }

        @Override
        public boolean hasProperty(String name) {
            return propertyNames().stream().anyMatch(name::equalsIgnoreCase);
        }

        @Override
        public Object getProperty(String name) {
            return name.equalsIgnoreCase("Secret") ? "hidden" : name;
        }
    }

    @Test
    void scalarsPrintAsThemselves() {
        assertThat(Formatter.format(List.of("hello", 42, true), 80)).isEqualTo("hello\n42\nTrue\n");
    }

    @Test
    void formatTableListAndOutStringCmdlets() {
        TestHost host = new TestHost(dir, null);
        List<Object> rows = List.of(obj("Name", "a", "Size", 1, "Extra", "z"));
        String table = host.run(rows, cmd("Format-Table", List.of("Name", "Size"), sw("AutoSize"))).get(0).toString();
        assertThat(table).contains("Name Size").doesNotContain("Extra");
        String list = host.run(rows, cmd("fl")).get(0).toString();
        assertThat(list).contains("Extra : z");
        Object text = host.run(rows, cmd("ft", List.of("Name", "Size")), cmd("Out-String")).get(0);
        assertThat(text).isEqualTo(table);
        assertThat(host.run(List.of("a", "b"), cmd("Out-String", sw("Stream")))).containsExactly("a", "b");
    }
}
