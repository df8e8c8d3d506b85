package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.drizzle.cmdlets.format.DateFormats;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiscCmdletsTest {
    @TempDir
    Path dir;

    @Test
    void getDateFormatsWithDotNetPatterns() {
        OffsetDateTime t = OffsetDateTime.of(2026, 3, 7, 14, 5, 9, 0, ZoneOffset.UTC);
        assertThat(DateFormats.format(t, "yyyy-MM-dd HH:mm:ss")).isEqualTo("2026-03-07 14:05:09");
        assertThat(DateFormats.format(t, "s")).isEqualTo("2026-03-07T14:05:09");
        assertThat(DateFormats.format(t, "ddd d MMM yy h:mm tt")).isEqualTo("Sat 7 Mar 26 2:05 PM");
        assertThat(DateFormats.format(t, "yyyyMMdd'T'HHmm")).isEqualTo("20260307T1405");
        assertThat(DateFormats.format(t, "HH\\:mm")).isEqualTo("14:05");
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("Get-Date", p("Format", "yyyy")))).containsExactly(String.valueOf(OffsetDateTime.now().getYear()));
        assertThat(host.run(cmd("Get-Date")).get(0)).isInstanceOf(OffsetDateTime.class);
    }

    @Test
    void readHostPromptsAndMasks() {
        TestHost host = new TestHost(dir, null);
        host.input.add("yes");
        host.input.add("hidden");
        assertThat(host.run(cmd("Read-Host", "Continue?"))).containsExactly("yes");
        assertThat(host.run(cmd("Read-Host", "Secret", sw("AsSecureString")))).containsExactly("hidden");
        assertThat(host.prompts).containsExactly("Continue?: ", "Secret: [secret]");
    }

    @Test
    void getMemberListsPropertiesOncePerType() {
        PSCustomObject a = new PSCustomObject();
        a.setProperty("JobState", "Error");
        a.setProperty("BytesTotal", 5L);
        PSCustomObject b = new PSCustomObject();
        b.setProperty("JobState", "Queued");
        b.setProperty("BytesTotal", 6L);
        List<Object> members = new TestHost(dir, null).run(List.of(a, b), cmd("Get-Member"));
        assertThat(members.stream().map(m -> Members.getProperty(m, "Name"))).containsExactly("BytesTotal", "JobState");
    }
}
