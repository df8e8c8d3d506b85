package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PowerShell 7.4 parameters of the pipeline and conversion cmdlets that the parameter audit found missing. */
class Ps7PipelineParametersTest {
    @TempDir
    Path dir;

    private static PSCustomObject job(String name, long bytes) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Name", name);
        o.setProperty("Bytes", bytes);
        return o;
    }

    @Test
    void whereObjectHasTheCaseSensitiveAndNegatedForms() {
        TestHost host = new TestHost(dir, null);
        List<Object> jobs = List.of(job("Alpha", 5), job("alpha", 50), job("", 0));
        assertThat(host.run(jobs, cmd("Where-Object", "Name", "alpha", sw("CEQ")))).hasSize(1);
        assertThat(host.run(jobs, cmd("Where-Object", "Name", "alpha", sw("IEQ")))).hasSize(2);
        assertThat(host.run(jobs, cmd("Where-Object", "Bytes", 10, sw("CGT")))).hasSize(1);
        assertThat(host.run(jobs, cmd("Where-Object", "Name", "A*", sw("CNotLike")))).hasSize(2);
        assertThat(host.run(jobs, cmd("Where-Object", "Name", sw("Not")))).hasSize(1);
    }

    @Test
    void groupObjectMakesAHashtableAndHonoursCase() {
        TestHost host = new TestHost(dir, null);
        List<Object> jobs = List.of(job("a", 1), job("A", 2), job("b", 3));
        assertThat(host.run(jobs, cmd("Group-Object", "Name"))).hasSize(2);
        assertThat(host.run(jobs, cmd("Group-Object", "Name", sw("CaseSensitive")))).hasSize(3);
        Map<?, ?> byName = (Map<?, ?>) host.run(jobs, cmd("Group-Object", "Name", sw("AsHashTable"), sw("AsString"))).get(0);
        assertThat(byName.keySet()).hasSize(2);
        assertThat((List<?>) byName.get("b")).hasSize(1);
        Map<?, ?> byBytes = (Map<?, ?>) host.run(jobs, cmd("Group-Object", "Bytes", sw("AHT"))).get(0);
        assertThat(byBytes.get(3L)).isNotNull();
    }

    @Test
    void selectObjectSkipsIndexesAndComparesWithoutCase() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(List.of("a", "b", "c", "d"), cmd("Select-Object", p("SkipIndex", new int[] {0, 2}))))
                .containsExactly("b", "d");
        assertThat(host.run(List.of("aa", "Aa", "Bb", "bb"), cmd("Select-Object", sw("Unique"), sw("CaseInsensitive"))))
                .containsExactly("aa", "Bb");
        assertThat(host.run(List.of("aa", "Aa"), cmd("Select-Object", sw("Unique")))).containsExactly("aa", "Aa");
        assertThat(host.run(List.of(1, 2, 3), cmd("Select-Object", p("First", 1), sw("Wait")))).containsExactly(1);
    }

    @Test
    void getRandomShufflesEveryInput() {
        TestHost host = new TestHost(dir, null);
        List<Object> out = host.run(List.of(1, 2, 3, 4, 5), cmd("Get-Random", sw("Shuffle"), p("SetSeed", 7)));
        assertThat(out).hasSize(5).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void convertFromJsonAsHashtableNoEnumerateAndDepth() {
        TestHost host = new TestHost(dir, null);
        Object h = host.run(List.of("{\"b\":1,\"a\":{\"c\":2}}"), cmd("ConvertFrom-Json", sw("AsHashtable"))).get(0);
        assertThat(h).isInstanceOf(Hashtable.class);
        assertThat(((Hashtable) h).keySet()).containsExactly("b", "a");
        assertThat(((Hashtable) h).get("a")).isInstanceOf(Hashtable.class);
        assertThat(host.run(List.of("[1]"), cmd("ConvertFrom-Json", sw("NoEnumerate"))).get(0)).isEqualTo(new Object[] {1});
        assertThat(host.run(List.of("[1,2]"), cmd("ConvertFrom-Json"))).containsExactly(1, 2);
        assertThatThrownBy(() -> host.run(List.of("{\"a\":{\"b\":{}}}"), cmd("ConvertFrom-Json", p("Depth", 2))))
                .hasMessageContaining("The reader's MaxDepth of 2 has been exceeded");
    }

    @Test
    void convertToJsonAsArrayAndEscapeHandling() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(List.of(1), cmd("ConvertTo-Json", sw("AsArray"), sw("Compress")))).containsExactly("[1]");
        assertThat(host.run(List.of("<é>"), cmd("ConvertTo-Json", p("EscapeHandling", "EscapeNonAscii"))))
                .containsExactly("\"<\\u00e9>\"");
        assertThat(host.run(List.of("<a&b>"), cmd("ConvertTo-Json", p("EscapeHandling", "EscapeHtml"))))
                .containsExactly("\"\\u003ca\\u0026b\\u003e\"");
        assertThatThrownBy(() -> host.run(List.of(1), cmd("ConvertTo-Json", p("EscapeHandling", "Sometimes"))))
                .hasMessageContaining("Sometimes");
    }

    @Test
    void getDateUFormatComponentsUnixTimeAndUtc() {
        TestHost host = new TestHost(dir, null);
        OffsetDateTime t = OffsetDateTime.of(2024, 3, 9, 14, 5, 7, 0, ZoneOffset.UTC);
        assertThat(host.run(cmd("Get-Date", p("Date", t), p("UFormat", "%Y-%m-%d %H:%M:%S %A %j %s"))))
                .containsExactly("2024-03-09 14:05:07 Saturday 069 " + t.toEpochSecond());
        OffsetDateTime u = (OffsetDateTime) host.run(cmd("Get-Date", p("UnixTimeSeconds", 0L), sw("AsUTC"))).get(0);
        assertThat(u.toInstant().getEpochSecond()).isZero();
        assertThat(u.getOffset()).isEqualTo(ZoneOffset.UTC);
        OffsetDateTime y = (OffsetDateTime) host.run(cmd("Get-Date", p("Date", t), p("Year", 2030), p("Month", 1),
                p("Day", 31), p("Hour", 0), p("Minute", 0), p("Second", 0), p("Millisecond", 0))).get(0);
        assertThat(y).isEqualTo(OffsetDateTime.of(2030, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> host.run(cmd("Get-Date", p("Month", 13))))
                .hasMessageContaining("Cannot validate argument on parameter 'Month'. The 13 argument");
        assertThatThrownBy(() -> host.run(cmd("Get-Date", p("Format", "yyyy"), p("UFormat", "%Y"))))
                .hasMessageContaining("Parameter set cannot be resolved");
    }

    @Test
    void writeErrorTakesAnExceptionOrARecord() {
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Write-Error", p("Exception", new IllegalStateException("disk full"))));
        assertThat(host.errors.get(0).message()).isEqualTo("disk full");
        ErrorRecord r = new ErrorRecord(new RuntimeException("again"), "Again", ErrorCategory.WRITE_ERROR, null);
        host.run(cmd("Write-Error", p("ErrorRecord", r)));
        assertThat(host.errors.get(1)).isSameAs(r);
        host.run(cmd("Write-Error", p("Exception", new IllegalStateException("inner")), p("Message", "outer")));
        assertThat(host.errors.get(2).message()).isEqualTo("outer");
    }

    @Test
    void getMemberFiltersByMemberType() {
        TestHost host = new TestHost(dir, null);
        List<Object> notes = host.run(List.of(job("a", 1)), cmd("Get-Member", p("MemberType", new String[] {"NoteProperty"})));
        assertThat(notes).hasSize(2);
        assertThat(host.run(List.of(job("a", 1)), cmd("Get-Member", p("Type", new String[] {"Method"})))).isEmpty();
        assertThatThrownBy(() -> host.run(List.of(job("a", 1)), cmd("Get-Member", p("MemberType", new String[] {"Nope"}))))
                .hasMessageContaining("Cannot convert value \"Nope\" to type \"System.Management.Automation.PSMemberTypes\"");
    }

    @Test
    void outStringNoNewlineJoinsTheLines() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(List.of("a", "b"), cmd("Out-String", sw("NoNewline")))).containsExactly("ab");
    }
}
