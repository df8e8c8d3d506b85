package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.dotnet.DotNetVersion;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-FileHash, Get-Random, New-TimeSpan and New-Object as the compat scripts call them. */
class CompatCmdletsTest {
    @TempDir
    Path dir;

    @Test
    void getFileHashMatchesKnownDigestsInUpperCase() throws Exception {
        Files.writeString(dir.resolve("abc.txt"), "abc");
        TestHost host = new TestHost(dir, null);
        Object sha256 = host.run(cmd("Get-FileHash", "abc.txt")).get(0);
        assertThat(Members.getProperty(sha256, "Algorithm")).isEqualTo("SHA256");
        assertThat(Members.getProperty(sha256, "Hash"))
                .isEqualTo("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
        assertThat(Members.getProperty(sha256, "Path")).isEqualTo(dir.resolve("abc.txt").toString());
        assertThat(Members.getProperty(host.run(cmd("Get-FileHash", "abc.txt", p("Algorithm", "md5"))).get(0), "Hash"))
                .isEqualTo("900150983CD24FB0D6963F7D28E17F72");
        assertThat(Members.getProperty(host.run(cmd("Get-FileHash", "abc.txt", p("Algorithm", "SHA1"))).get(0), "Hash"))
                .isEqualTo("A9993E364706816ABA3E25717850C26C9CD0D89D");
        assertThat((String) Members.getProperty(host.run(cmd("Get-FileHash", "abc.txt", p("Algorithm", "SHA512"))).get(0), "Hash"))
                .startsWith("DDAF35A193617ABA").hasSize(128);
        assertThat((String) Members.getProperty(host.run(cmd("Get-FileHash", "abc.txt", p("Algorithm", "SHA384"))).get(0), "Hash"))
                .hasSize(96);
        host.run(cmd("Get-FileHash", "missing.bin"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("missing.bin"));
        assertThatThrownBy(() -> host.run(cmd("Get-FileHash", "abc.txt", p("Algorithm", "CRC32"))))
                .hasMessageContaining("CRC32");
    }

    @Test
    void getRandomStaysInRangeAndPicksFromInput() {
        TestHost host = new TestHost(dir, null);
        for (int i = 0; i < 50; i++) {
            int r = (Integer) host.run(cmd("Get-Random", p("Minimum", 5), p("Maximum", 8))).get(0);
            assertThat(r).isBetween(5, 7);
        }
        double d = (Double) host.run(cmd("Get-Random", p("Minimum", 0.5), p("Maximum", 1.0))).get(0);
        assertThat(d).isBetween(0.5, 1.0);
        List<Object> picked = host.run(List.of("a", "b", "c"), cmd("Get-Random", p("Count", 2)));
        assertThat(picked).hasSize(2).doesNotHaveDuplicates().isSubsetOf("a", "b", "c");
        assertThat(host.run(cmd("Get-Random", p("InputObject", new Object[] {"only"})))).containsExactly("only");
        assertThatThrownBy(() -> host.run(cmd("Get-Random", p("Minimum", 9), p("Maximum", 3))))
                .isInstanceOf(CommandException.class).hasMessageContaining("Minimum value (9)");
    }

    @Test
    void newTimeSpanFromPartsOrBetweenTimes() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("New-TimeSpan", p("Hours", 1), p("Minutes", 30))))
                .containsExactly(Duration.ofMinutes(90));
        OffsetDateTime start = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        assertThat(host.run(cmd("New-TimeSpan", p("Start", start), p("End", start.plusDays(2)))))
                .containsExactly(Duration.ofDays(2));
        Duration sinceStart = (Duration) host.run(cmd("New-TimeSpan", p("Start", OffsetDateTime.now().minusMinutes(5)))).get(0);
        assertThat(sinceStart.toMinutes()).isEqualTo(5);
    }

    @Test
    void newObjectBuildsDotNetTypesAndCustomObjects() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("New-Object", "System.Version", p("ArgumentList", new Object[] {1, 2, 3}))))
                .containsExactly(new DotNetVersion(1, 2, 3, -1));
        assertThat(host.run(cmd("New-Object", "Version", "2.0")).get(0).toString()).isEqualTo("2.0");
        Hashtable props = new Hashtable();
        props.put("Name", "job1");
        props.put("Size", 10);
        Object custom = host.run(cmd("New-Object", "PSObject", p("Property", props))).get(0);
        assertThat(custom).isInstanceOf(PSCustomObject.class);
        assertThat(Members.getProperty(custom, "Size")).isEqualTo(10);
        Hashtable wcProps = new Hashtable();
        wcProps.put("UseDefaultCredentials", true);
        Object wc = host.run(cmd("New-Object", "Net.WebClient", p("Property", wcProps))).get(0);
        assertThat(Members.getProperty(wc, "UseDefaultCredentials")).isEqualTo(true);
        assertThatThrownBy(() -> host.run(cmd("New-Object", "System.Windows.Forms.Form")))
                .isInstanceOf(CommandException.class).hasMessageContaining("[System.Windows.Forms.Form]");
        assertThatThrownBy(() -> host.run(cmd("New-Object", p("ComObject", "Shell.Application"))))
                .hasMessageContaining("COM");
    }
}
