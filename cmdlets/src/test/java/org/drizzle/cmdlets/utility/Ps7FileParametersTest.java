package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PowerShell 7.4 parameters of the file, CSV and path cmdlets that the parameter audit found missing, on real files. */
class Ps7FileParametersTest {
    @TempDir
    Path dir;

    private static PSCustomObject row(String name, String note) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Name", name);
        o.setProperty("Note", note);
        return o;
    }

    private String read(String name) throws Exception {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void exportCsvWritesPowerShell7sShapeAndItsOptions() throws Exception {
        TestHost host = new TestHost(dir, null);
        List<Object> rows = List.of(row("a", "x,y"), row("b", "plain"));
        host.run(rows, cmd("Export-Csv", "d.csv"));
        assertThat(read("d.csv")).isEqualTo("\"Name\",\"Note\"\n\"a\",\"x,y\"\n\"b\",\"plain\"\n");
        host.run(rows, cmd("Export-Csv", "n.csv", p("UseQuotes", "AsNeeded"), sw("NoHeader")));
        assertThat(read("n.csv")).isEqualTo("a,\"x,y\"\nb,plain\n");
        host.run(rows, cmd("Export-Csv", "q.csv", p("QuoteFields", new String[] {"Note"})));
        assertThat(read("q.csv")).isEqualTo("Name,\"Note\"\na,\"x,y\"\nb,\"plain\"\n");
        host.run(rows, cmd("Export-Csv", "t.csv", sw("ITI")));
        assertThat(read("t.csv")).startsWith("#TYPE ");
        assertThatThrownBy(() -> host.run(rows, cmd("Export-Csv", "d.csv", sw("NoClobber"))))
                .hasMessageContaining("already exists");
        host.run(List.of(row("é", "ü")), cmd("Export-Csv", "l.csv", p("Encoding", "latin1")));
        assertThat(Files.readAllBytes(dir.resolve("l.csv"))).contains((byte) 0xe9);
        Object back = host.run(cmd("Import-Csv", "l.csv", p("Encoding", "latin1"))).get(0);
        assertThat(Members.getProperty(back, "Name")).isEqualTo("é");
    }

    @Test
    void getContentReadCountDelimiterAndBytes() throws Exception {
        TestHost host = new TestHost(dir, null);
        Files.writeString(dir.resolve("l.txt"), "1\n2\n3\n4\n5\n");
        List<Object> chunks = host.run(cmd("Get-Content", "l.txt", p("ReadCount", 2L)));
        assertThat(chunks).hasSize(3);
        assertThat((Object[]) chunks.get(0)).containsExactly("1", "2");
        assertThat((Object[]) host.run(cmd("Get-Content", "l.txt", p("ReadCount", 0L))).get(0)).hasSize(5);
        Files.writeString(dir.resolve("d.txt"), "a;b;c");
        assertThat(host.run(cmd("Get-Content", "d.txt", p("Delimiter", ";")))).containsExactly("a;", "b;", "c");
        Files.write(dir.resolve("b.bin"), new byte[] {1, (byte) 200});
        assertThat(host.run(cmd("Get-Content", "b.bin", sw("AsByteStream")))).containsExactly(1, 200);
        assertThat((byte[]) host.run(cmd("Get-Content", "b.bin", sw("AsByteStream"), sw("Raw"))).get(0))
                .containsExactly(1, (byte) 200);
    }

    @Test
    void setContentPassThruAndByteStream() throws Exception {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("Set-Content", "p.txt", "hello", sw("PassThru")))).containsExactly("hello");
        assertThat(read("p.txt")).isEqualTo("hello\n");
        host.run(cmd("Set-Content", "b.bin", p("Value", new Object[] {65, 66}), sw("AsByteStream")));
        host.run(cmd("Add-Content", "b.bin", p("Value", new Object[] {new byte[] {67}}), sw("AsByteStream")));
        assertThat(Files.readAllBytes(dir.resolve("b.bin"))).containsExactly(65, 66, 67);
        assertThatThrownBy(() -> host.run(cmd("Set-Content", "c.bin", p("Value", new Object[] {300}), sw("AsByteStream"))))
                .hasMessageContaining("Cannot convert value \"300\" to type \"System.Byte\"");
    }

    @Test
    void outFileWidthAndNoNewline() throws Exception {
        TestHost host = new TestHost(dir, null);
        host.run(List.of("a", "b"), cmd("Out-File", "o.txt", sw("NoNewline")));
        assertThat(Files.readString(dir.resolve("o.txt"), StandardCharsets.UTF_8)).isEqualTo("ab");
        host.run(List.of(row("n", "x".repeat(60))), cmd("Out-File", "w.txt", p("Width", 30)));
        assertThat(read("w.txt").lines()).allMatch(l -> l.length() <= 30);
        assertThat(host.run(List.of("x"), cmd("Out-File", "x.txt", sw("NoOverwrite")))).isEmpty();
    }

    @Test
    void resolvePathFromABaseAndSelectStringsFileOptions() throws Exception {
        TestHost host = new TestHost(dir, null);
        Files.createDirectories(dir.resolve("base/sub"));
        Files.writeString(dir.resolve("base/sub/f.txt"), "");
        assertThat(host.run(cmd("Resolve-Path", "sub/f.txt", p("RelativeBasePath", "base"), sw("Relative"))))
                .containsExactly("./sub/f.txt");
        assertThat(host.run(cmd("Resolve-Path", "sub/f.txt", p("RelativeBasePath", "base"))).get(0).toString())
                .isEqualTo(dir.resolve("base/sub/f.txt").toString());
        Files.writeString(dir.resolve("a.log"), "error one\nfine\n");
        Files.write(dir.resolve("b.txt"), "error caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(host.run(cmd("Select-String", "error", p("Path", "*"), sw("Raw"), p("Include", new String[] {"*.log"}))))
                .containsExactly("error one");
        assertThat(host.run(cmd("Select-String", "error", p("Path", "*"), sw("Raw"), p("Exclude", new String[] {"*.log"}),
                p("Encoding", "latin1"), sw("NoEmphasis")))).containsExactly("error caf\u00e9");
    }

    @Test
    void splitPathQualifiersAbsolutenessAndResolve() throws Exception {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("Split-Path", "C:\\Temp\\a.txt", sw("Qualifier")))).containsExactly("C:");
        assertThat(host.run(cmd("Split-Path", "C:\\Temp\\a.txt", sw("NoQualifier")))).containsExactly("\\Temp\\a.txt");
        assertThat(host.run(cmd("Split-Path", "/tmp/a", sw("NoQualifier")))).containsExactly("/tmp/a");
        assertThatThrownBy(() -> host.run(cmd("Split-Path", "/tmp/a", sw("Qualifier"))))
                .hasMessageContaining("does not have a qualifier");
        assertThat(host.run(cmd("Split-Path", "/tmp/a", sw("IsAbsolute")))).containsExactly(true);
        assertThat(host.run(cmd("Split-Path", "tmp/a", sw("IsAbsolute")))).containsExactly(false);
        Files.writeString(dir.resolve("one.log"), "");
        Files.writeString(dir.resolve("two.log"), "");
        assertThat(host.run(cmd("Split-Path", "*.log", sw("Resolve"), sw("Leaf")))).containsExactly("one.log", "two.log");
        assertThat(host.run(cmd("Join-Path", dir.toString(), "*.log", sw("Resolve"))))
                .containsExactly(dir.resolve("one.log").toString(), dir.resolve("two.log").toString());
        host.run(cmd("Join-Path", dir.toString(), "none.txt", sw("Resolve")));
        assertThat(host.errors.get(0).message()).isEqualTo("Cannot find path '" + dir.resolve("none.txt")
                + "' because it does not exist.");
    }
}
