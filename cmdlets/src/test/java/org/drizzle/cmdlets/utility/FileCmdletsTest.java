package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.job.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCmdletsTest {
    @TempDir
    Path dir;

    @Test
    void importCsvTrimsHeadersAndCellsAndHandlesQuotes() throws Exception {
        Files.writeString(dir.resolve("files.csv"), "Source , Destination\n"
                + " http://h/a , /tmp/a \n\"http://h/b,c\",\"/tmp/\"\"b\"\"\"\n");
        TestHost host = new TestHost(dir, null);
        List<Object> rows = host.run(cmd("Import-Csv", "files.csv"));
        assertThat(rows).hasSize(2);
        assertThat(Members.getProperty(rows.get(0), "Source")).isEqualTo("http://h/a");
        assertThat(Members.getProperty(rows.get(0), "destination")).isEqualTo("/tmp/a");
        assertThat(Members.getProperty(rows.get(1), "Source")).isEqualTo("http://h/b,c");
        assertThat(Members.getProperty(rows.get(1), "Destination")).isEqualTo("/tmp/\"b\"");
    }

    @Test
    void exportCsvRoundTripsThroughImportCsv() throws Exception {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("DisplayName", "Nightly, big");
        o.setProperty("JobState", JobState.TRANSIENT_ERROR);
        TestHost host = new TestHost(dir, null);
        host.run(List.of(o), cmd("Export-Csv", "out.csv", sw("NoTypeInformation")));
        assertThat(Files.readString(dir.resolve("out.csv")))
                .isEqualTo("\"DisplayName\",\"JobState\"\n\"Nightly, big\",\"TransientError\"\n");
        host.run(List.of(o), cmd("Export-Csv", "typed.csv", sw("IncludeTypeInformation")));
        assertThat(Files.readString(dir.resolve("typed.csv"))).startsWith("#TYPE ");
        Object back = host.run(cmd("Import-Csv", "typed.csv")).get(0);
        assertThat(Members.getProperty(back, "JobState")).isEqualTo("TransientError");
    }

    @Test
    void contentCmdletsWriteAppendAndRead() {
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Set-Content", "id.txt", "first"));
        host.run(List.of("second", "third"), cmd("Add-Content", "id.txt"));
        assertThat(host.run(cmd("Get-Content", "id.txt"))).containsExactly("first", "second", "third");
        assertThat(host.run(cmd("gc", "id.txt", p("TotalCount", 1)))).containsExactly("first");
        assertThat(host.run(cmd("cat", "id.txt", p("Tail", 1)))).containsExactly("third");
        assertThat(host.run(cmd("Get-Content", "id.txt", sw("Raw")))).containsExactly("first\nsecond\nthird\n");
        host.run(cmd("Get-Content", "missing.txt"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("missing.txt"));
    }

    @Test
    void testPathAndJoinPath() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/f"), "x");
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("Test-Path", "sub"))).containsExactly(true);
        assertThat(host.run(cmd("Test-Path", "sub", p("PathType", "Leaf")))).containsExactly(false);
        assertThat(host.run(cmd("Test-Path", "sub/f", p("PathType", "Leaf")))).containsExactly(true);
        assertThat(host.run(cmd("Test-Path", "nope"))).containsExactly(false);
        assertThat(host.run(cmd("Join-Path", "/a/", "/b", "c"))).containsExactly("/a/b/c");
    }

    @Test
    void outFileWritesTheConsoleRendering() throws Exception {
        TestHost host = new TestHost(dir, null);
        host.run(List.of("line one", 42), cmd("Out-File", "o.txt"));
        assertThat(Files.readString(dir.resolve("o.txt"))).isEqualTo("line one\n42\n");
    }

    @Test
    void jsonRoundTripAndDepthAndCompress() {
        PSCustomObject inner = new PSCustomObject();
        inner.setProperty("LocalName", "/tmp/a");
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Name", "job");
        o.setProperty("State", JobState.ERROR);
        o.setProperty("Files", List.of(inner));
        TestHost host = new TestHost(dir, null);
        String json = (String) host.run(List.of(o), cmd("ConvertTo-Json", sw("Compress"))).get(0);
        assertThat(json).isEqualTo("{\"Name\":\"job\",\"State\":\"Error\",\"Files\":[{\"LocalName\":\"/tmp/a\"}]}");
        String shallow = (String) host.run(List.of(o), cmd("ConvertTo-Json", p("Depth", 0), sw("Compress"))).get(0);
        assertThat(shallow).contains("\"Files\":\"");
        Object back = host.run(List.of(json), cmd("ConvertFrom-Json")).get(0);
        assertThat(Members.getProperty(back, "State")).isEqualTo("Error");
        assertThat(Members.getProperty(Members.getProperty(back, "Files"), "LocalName")).isEqualTo("/tmp/a");
    }

    @Test
    void credentialsNeverReachJson() {
        TestHost host = new TestHost(dir, null);
        String json = (String) host.run(List.of(new PSCredential("alice", "s3cret!".toCharArray())),
                cmd("ConvertTo-Json")).get(0);
        assertThat(json).contains("alice").doesNotContain("s3cret");
    }
}
