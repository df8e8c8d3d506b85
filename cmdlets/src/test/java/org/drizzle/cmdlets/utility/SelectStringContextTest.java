package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Select-String -Context: the lines around each match, as PowerShell 7 collects and prints them. */
class SelectStringContextTest {
    @TempDir
    Path dir;

    private static Object ctx(Object match, String name) {
        return Members.getProperty(Members.getProperty(match, "Context"), name);
    }

    @Test
    void oneNumberCapturesThatManyLinesBeforeAndAfter() throws Exception {
        Files.writeString(dir.resolve("log.txt"), "a\nERR one\nb\nc\nERR two\nd\ne\nf\n");
        TestHost host = new TestHost(dir, null);
        List<Object> found = host.run(cmd("Select-String", "ERR", "log.txt", p("Context", new Object[] {1})));
        assertThat(found).hasSize(2);
        assertThat((String[]) ctx(found.get(0), "PreContext")).containsExactly("a");
        assertThat((String[]) ctx(found.get(0), "PostContext")).containsExactly("b");
        assertThat((String[]) ctx(found.get(1), "PreContext")).containsExactly("c");
        assertThat((String[]) ctx(found.get(1), "PostContext")).containsExactly("d");
        assertThat(found.get(0).toString()).isEqualTo("  log.txt:1:a\n> log.txt:2:ERR one\n  log.txt:3:b");
        assertThat(found.get(1).toString()).isEqualTo("  log.txt:4:c\n> log.txt:5:ERR two\n  log.txt:6:d");
    }

    @Test
    void overlappingContextIsKeptWholeButPrintedOnce() throws Exception {
        Files.writeString(dir.resolve("log.txt"), "a\nERR one\nb\nc\nERR two\nd\ne\n");
        TestHost host = new TestHost(dir, null);
        List<Object> found = host.run(cmd("Select-String", "ERR", "log.txt", p("Context", new Object[] {2})));
        assertThat((String[]) ctx(found.get(0), "PostContext")).containsExactly("b", "c");
        assertThat((String[]) ctx(found.get(1), "PreContext")).containsExactly("b", "c");
        assertThat((String[]) ctx(found.get(1), "DisplayPreContext")).isEmpty();
        assertThat(found.get(1).toString()).isEqualTo("> log.txt:5:ERR two\n  log.txt:6:d\n  log.txt:7:e");
    }

    @Test
    void adjacentMatchesSeeEachOtherAsContextButDoNotPrintIt() {
        TestHost host = new TestHost(dir, null);
        List<Object> found = host.run(List.of("x", "ERR1", "ERR2", "y"), cmd("Select-String", "ERR",
                p("Context", new Object[] {1, 1})));
        assertThat(found).hasSize(2);
        assertThat((String[]) ctx(found.get(0), "PostContext")).containsExactly("ERR2");
        assertThat((String[]) ctx(found.get(1), "PreContext")).containsExactly("ERR1");
        assertThat(found.get(0).toString()).isEqualTo("  x\n> ERR1");
        assertThat(found.get(1).toString()).isEqualTo("> ERR2\n  y");
    }

    @Test
    void twoNumbersAreBeforeThenAfterAndTheEndCutsShort() {
        TestHost host = new TestHost(dir, null);
        List<Object> found = host.run(List.of("p1", "p2", "p3", "hit", "q1"), cmd("Select-String", "hit",
                p("Context", new Object[] {2, 3})));
        assertThat((String[]) ctx(found.get(0), "PreContext")).containsExactly("p2", "p3");
        assertThat((String[]) ctx(found.get(0), "PostContext")).containsExactly("q1");
        assertThat(Members.getProperty(found.get(0), "LineNumber")).isEqualTo(4);
        List<Object> plain = host.run(List.of("hit"), cmd("Select-String", "hit"));
        assertThat(Members.getProperty(plain.get(0), "Context")).isNull();
    }

    @Test
    void listStopsAtTheFirstMatchButKeepsItsContext() throws Exception {
        Files.writeString(dir.resolve("l.txt"), "a\nhit\nb\nhit\n");
        TestHost host = new TestHost(dir, null);
        List<Object> found = host.run(cmd("Select-String", "hit", "l.txt", sw("List"), p("Context", new Object[] {0, 1})));
        assertThat(found).hasSize(1);
        assertThat((String[]) ctx(found.get(0), "PostContext")).containsExactly("b");
    }

    @Test
    void badCountsAreRefusedNamingTheValue() {
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(List.of("x"), cmd("Select-String", "x", p("Context", new Object[] {1, 2, 3}))))
                .hasMessageContaining("parameter 'Context'").hasMessageContaining("3 value(s) were provided");
        assertThatThrownBy(() -> host.run(List.of("x"), cmd("Select-String", "x", p("Context", new Object[] {-1}))))
                .hasMessageContaining("The -1 argument is less than the minimum allowed range of 0");
    }
}
