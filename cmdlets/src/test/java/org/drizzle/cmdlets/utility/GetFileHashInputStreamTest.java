package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.dotnet.InstanceMembers;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-FileHash -InputStream over a script's FileStream ((Get-Item f).OpenRead()). */
class GetFileHashInputStreamTest {
    @TempDir
    Path dir;

    @Test
    void hashesAnOpenFileStreamAndLeavesItOpen() throws Exception {
        TestHost host = new TestHost(dir, null);
        Files.writeString(dir.resolve("a.txt"), "abc");
        Object item = host.run(cmd("Get-Item", "a.txt")).get(0);
        Object stream = InstanceMembers.invokeMethod(item, "OpenRead", List.of());
        FileHashInfo h = (FileHashInfo) host.run(cmd("Get-FileHash", p("InputStream", stream), p("Algorithm", "SHA1"))).get(0);
        // SHA-1 of "abc" (FIPS 180 test vector)
        assertThat(h.hash()).isEqualTo("A9993E364706816ABA3E25717850C26C9CD0D89D");
        assertThat(h.path()).isEmpty();
        assertThat(InstanceMembers.getProperty(stream, "Length")).isEqualTo(3L);
        InstanceMembers.invokeMethod(stream, "Close", List.of());
        FileHashInfo byPath = (FileHashInfo) host.run(cmd("Get-FileHash", "a.txt", p("Algorithm", "SHA1"))).get(0);
        assertThat(byPath.hash()).isEqualTo(h.hash());
    }

    @Test
    void aValueThatIsNoStreamIsRefusedByName() {
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Get-FileHash", p("InputStream", "not-a-stream"))))
                .hasMessageContaining("not-a-stream").hasMessageContaining("System.IO.Stream")
                .hasMessageNotContaining("java.");
    }
}
