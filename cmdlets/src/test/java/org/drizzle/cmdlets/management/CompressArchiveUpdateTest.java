package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compress-Archive -Update: entries of the same name replaced, the others kept, a missing archive created. */
class CompressArchiveUpdateTest {
    @TempDir
    Path dir;

    private Map<String, String> entries(String zip) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(dir.resolve(zip).toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                out.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void updateReplacesSameNamedEntriesAndKeepsTheOthers() throws Exception {
        TestHost host = new TestHost(dir, null);
        Files.writeString(dir.resolve("a.txt"), "old a");
        Files.writeString(dir.resolve("b.txt"), "b");
        host.run(cmd("Compress-Archive", new String[] {"a.txt", "b.txt"}, "z.zip"));
        Files.writeString(dir.resolve("a.txt"), "new a");
        Files.writeString(dir.resolve("c.txt"), "c");
        assertThatThrownBy(() -> host.run(cmd("Compress-Archive", "c.txt", "z.zip"))).hasMessageContaining("already exists");
        host.run(cmd("Compress-Archive", new String[] {"a.txt", "c.txt"}, "z.zip", sw("Update")));
        assertThat(entries("z.zip")).containsExactly(Map.entry("b.txt", "b"), Map.entry("a.txt", "new a"),
                Map.entry("c.txt", "c"));
    }

    @Test
    void updateCreatesAMissingArchiveAndRefusesForce() throws Exception {
        TestHost host = new TestHost(dir, null);
        Files.writeString(dir.resolve("a.txt"), "a");
        host.run(cmd("Compress-Archive", "a.txt", p("DestinationPath", "new"), sw("Update")));
        assertThat(entries("new.zip")).containsOnlyKeys("a.txt");
        assertThatThrownBy(() -> host.run(cmd("Compress-Archive", "a.txt", "new.zip", sw("Update"), sw("Force"))))
                .hasMessageContaining("-Update and -Force cannot be used together");
        Files.writeString(dir.resolve("bad.zip"), "not a zip");
        assertThatThrownBy(() -> host.run(cmd("Compress-Archive", "a.txt", "bad.zip", sw("Update"))))
                .hasMessageContaining("bad.zip").hasMessageContaining("is not a valid zip archive");
        assertThat(Files.readString(dir.resolve("bad.zip"))).isEqualTo("not a zip");
    }
}
