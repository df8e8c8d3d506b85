package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-Item, Copy-Item, Move-Item, Rename-Item, Compress-Archive and Expand-Archive on real files. */
class ItemAndArchiveCmdletsTest {
    @TempDir
    Path dir;

    @Test
    void getItemReturnsFileItemsAndReportsMissingPaths() throws Exception {
        Files.writeString(dir.resolve("a.iso"), "12345");
        Files.writeString(dir.resolve("b.iso"), "1");
        TestHost host = new TestHost(dir, null);
        assertThat(Members.getProperty(host.run(cmd("Get-Item", "a.iso")).get(0), "Length")).isEqualTo(5L);
        assertThat(host.run(cmd("gi", "*.iso"))).hasSize(2);
        host.run(cmd("Get-Item", "nope.iso"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("nope.iso"));
    }

    @Test
    void copyRefusesToOverwriteWithoutForceAndCopiesTreesWithRecurse() throws Exception {
        Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(dir.resolve("src/sub/f.txt"), "data");
        Files.writeString(dir.resolve("one.txt"), "new");
        Files.writeString(dir.resolve("two.txt"), "old");
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Copy-Item", "one.txt", "two.txt"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("-Force"));
        assertThat(dir.resolve("two.txt")).hasContent("old");
        host.run(cmd("cp", "one.txt", "two.txt", sw("Force")));
        assertThat(dir.resolve("two.txt")).hasContent("new");
        host.run(cmd("Copy-Item", "src", "dst", sw("Recurse")));
        assertThat(dir.resolve("dst/sub/f.txt")).hasContent("data");
        Files.createDirectories(dir.resolve("drop"));
        host.run(cmd("copy", "one.txt", "drop"));
        assertThat(dir.resolve("drop/one.txt")).hasContent("new");
    }

    @Test
    void moveAndRenameHonourWhatIfAndRefuseClashes() throws Exception {
        Files.writeString(dir.resolve("dl.tmp"), "payload");
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Move-Item", "dl.tmp", "dl.bin", sw("WhatIf")));
        assertThat(dir.resolve("dl.tmp")).exists();
        Object moved = host.run(cmd("move", "dl.tmp", "dl.bin", sw("PassThru"))).get(0);
        assertThat(Members.getProperty(moved, "Name")).isEqualTo("dl.bin");
        assertThat(dir.resolve("dl.bin")).hasContent("payload");
        Files.writeString(dir.resolve("taken.bin"), "x");
        host.run(cmd("Rename-Item", "dl.bin", "taken.bin"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("already exists"));
        host.run(cmd("Rename-Item", "dl.bin", p("NewName", "final.bin")));
        assertThat(dir.resolve("final.bin")).hasContent("payload");
        host.run(cmd("Rename-Item", "final.bin", "../elsewhere.bin"));
        assertThat(host.errors).hasSize(2);
        assertThat(host.errors.get(1).message()).contains("Move-Item");
    }

    @Test
    void compressThenExpandRoundTrips() throws Exception {
        Files.createDirectories(dir.resolve("logs/day1"));
        Files.writeString(dir.resolve("logs/a.log"), "A");
        Files.writeString(dir.resolve("logs/day1/b.log"), "B");
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Compress-Archive", p("Path", "logs"), p("DestinationPath", "out/logs")));
        try (ZipFile zip = new ZipFile(dir.resolve("out/logs.zip").toFile())) {
            assertThat(zip.getEntry("logs/day1/b.log")).isNotNull();
        }
        assertThatThrownBy(() -> host.run(cmd("Compress-Archive", "logs", "out/logs.zip")))
                .isInstanceOf(CommandException.class).hasMessageContaining("-Force");
        host.run(cmd("Expand-Archive", "out/logs.zip", p("DestinationPath", "restored")));
        assertThat(dir.resolve("restored/logs/day1/b.log")).hasContent("B");
        assertThatThrownBy(() -> host.run(cmd("Expand-Archive", "out/logs.zip", p("DestinationPath", "restored"))))
                .hasMessageContaining("-Force");
        Files.writeString(dir.resolve("restored/logs/a.log"), "changed");
        host.run(cmd("Expand-Archive", "out/logs.zip", p("DestinationPath", "restored"), sw("Force")));
        assertThat(dir.resolve("restored/logs/a.log")).hasContent("A");
        host.run(cmd("Compress-Archive", "logs/*", "flat.zip"));
        try (ZipFile zip = new ZipFile(dir.resolve("flat.zip").toFile())) {
            assertThat(zip.getEntry("a.log")).isNotNull();
        }
    }

    @Test
    void expandRefusesZipSlipEntriesBeforeWritingAnything() throws Exception {
        Path evil = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(evil); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("good.txt"));
            z.write("fine".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("bad".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Expand-Archive", "evil.zip", "target")))
                .isInstanceOf(CommandException.class).hasMessageContaining("../../escaped.txt")
                .hasMessageContaining("outside the destination");
        assertThat(dir.resolve("target/good.txt")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }
}
