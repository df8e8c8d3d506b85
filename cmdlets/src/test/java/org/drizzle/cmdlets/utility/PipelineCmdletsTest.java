package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.block;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.job.JobState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCmdletsTest {
    @TempDir
    Path dir;
    TestHost host;
    List<Object> jobs;

    @BeforeEach
    void setUp() {
        host = new TestHost(dir, null);
        jobs = List.of(job("alpha", JobState.ERROR, 30), job("Beta", JobState.TRANSFERRED, 10),
                job("gamma", JobState.ERROR, 20));
    }

    private static PSCustomObject job(String name, JobState state, long bytes) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("DisplayName", name);
        o.setProperty("JobState", state);
        o.setProperty("BytesTransferred", bytes);
        return o;
    }

    private static List<Object> names(List<Object> objects) {
        return objects.stream().map(o -> Members.getProperty(o, "DisplayName")).toList();
    }

    @Test
    void whereObjectWithAScriptBlock() {
        List<Object> out = host.run(jobs, cmd("Where-Object",
                block("$_.BytesTransferred -gt 15", o -> (Long) Members.getProperty(o, "BytesTransferred") > 15)));
        assertThat(names(out)).containsExactly("alpha", "gamma");
    }

    @Test
    void simplifiedWhereComparesEnumsWithStringsCaseInsensitively() {
        assertThat(names(host.run(jobs, cmd("?", "JobState", sw("eq"), "error")))).containsExactly("alpha", "gamma");
        assertThat(names(host.run(jobs, cmd("where", "DisplayName", sw("like"), "?eta")))).containsExactly("Beta");
        assertThat(names(host.run(jobs, cmd("Where-Object", "JobState", sw("in"), List.of("Transferred", "Queued")))))
                .containsExactly("Beta");
    }

    @Test
    void forEachObjectRunsBeginProcessEndAndMemberName() {
        List<Object> out = host.run(jobs, cmd("ForEach-Object", p("Begin", block("'start'", o -> "start")),
                p("Process", block("$_.DisplayName", o -> Members.getProperty(o, "DisplayName"))),
                p("End", block("'end'", o -> "end"))));
        assertThat(out).containsExactly("start", "alpha", "Beta", "gamma", "end");
        assertThat(host.run(jobs, cmd("%", "DisplayName"))).containsExactly("alpha", "Beta", "gamma");
    }

    @Test
    void selectObjectPropertiesCalculatedFirstLastExpandUnique() {
        Hashtable calc = new Hashtable();
        calc.put("n", "KB");
        calc.put("e", block("$_.BytesTransferred / 10", o -> (Long) Members.getProperty(o, "BytesTransferred") / 10));
        List<Object> out = host.run(jobs, cmd("Select-Object", List.of("DisplayName", calc), p("First", 2)));
        assertThat(out).hasSize(2);
        assertThat(Members.propertyNames(out.get(0))).containsExactly("DisplayName", "KB");
        assertThat(Members.getProperty(out.get(1), "KB")).isEqualTo(1L);
        assertThat(names(host.run(jobs, cmd("select", p("Last", 1))))).containsExactly("gamma");
        assertThat(host.run(jobs, cmd("Select-Object", p("ExpandProperty", "JobState"), sw("Unique"))))
                .containsExactly(JobState.ERROR, JobState.TRANSFERRED);
    }

    @Test
    void sortObjectByPropertyAndDescending() {
        assertThat(names(host.run(jobs, cmd("Sort-Object", "DisplayName")))).containsExactly("alpha", "Beta", "gamma");
        assertThat(names(host.run(jobs, cmd("sort", "BytesTransferred", sw("Descending")))))
                .containsExactly("alpha", "gamma", "Beta");
        assertThat(host.run(List.of(3, 1, 2, 1), cmd("Sort-Object", sw("Unique")))).containsExactly(1, 2, 3);
    }

    @Test
    void measureObjectSumsAveragesAndBounds() {
        Object m = host.run(jobs, cmd("Measure-Object", "BytesTransferred", sw("Sum"), sw("Average"), sw("Maximum"),
                sw("Minimum"))).get(0);
        assertThat(Members.getProperty(m, "Count")).isEqualTo(3);
        assertThat(Members.getProperty(m, "Sum")).isEqualTo(60.0);
        assertThat(Members.getProperty(m, "Average")).isEqualTo(20.0);
        assertThat(Members.getProperty(m, "Maximum")).isEqualTo(30.0);
        assertThat(Members.getProperty(m, "Minimum")).isEqualTo(10.0);
        assertThat(Members.getProperty(host.run(List.of(1, 2), cmd("Measure-Object")).get(0), "Count")).isEqualTo(2);
    }

    @Test
    void groupObjectCountsByValue() {
        List<Object> groups = host.run(jobs, cmd("Group-Object", "JobState"));
        assertThat(groups).hasSize(2);
        assertThat(Members.getProperty(groups.get(0), "Name")).isEqualTo("Error");
        assertThat(Members.getProperty(groups.get(0), "Count")).isEqualTo(2);
        assertThat(names((List<Object>) Members.getProperty(groups.get(0), "Group"))).containsExactly("alpha", "gamma");
    }

    @Test
    void pipelineInputThatBindsNowhereIsANonTerminatingError() {
        host.run(List.of("x"), cmd("Get-Content"));
        assertThat(host.errors).hasSize(1);
        assertThat(host.errors.get(0).errorId()).isEqualTo("InputObjectNotBound");
    }
}
