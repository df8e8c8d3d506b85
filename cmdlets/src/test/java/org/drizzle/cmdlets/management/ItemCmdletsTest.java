package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
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

class ItemCmdletsTest {
    @TempDir
    Path dir;

    @Test
    void newItemCreatesFoldersAndFilesAndRefusesDuplicates() {
        TestHost host = new TestHost(dir, null);
        Object folder = host.run(cmd("New-Item", p("ItemType", "Directory"), "downloads")).get(0);
        assertThat(Members.getProperty(folder, "PSIsContainer")).isEqualTo(true);
        assertThat(dir.resolve("downloads")).isDirectory();
        host.run(cmd("New-Item", "downloads/readme.txt", p("Value", "hi")));
        assertThat(dir.resolve("downloads/readme.txt")).hasContent("hi");
        host.run(cmd("New-Item", p("ItemType", "Directory"), "downloads"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("already exists"));
        host.run(cmd("New-Item", p("ItemType", "Directory"), "downloads", sw("Force")));
        assertThat(host.errors).hasSize(1);
    }

    @Test
    void getChildItemListsFiltersAndRecurses() throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/x.iso"), "123");
        Files.writeString(dir.resolve("a/y.txt"), "");
        Files.writeString(dir.resolve("a/b/z.iso"), "");
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("ls", "a", sw("Name")))).containsExactly("b", "x.iso", "y.txt");
        // PowerShell's order: a folder's own entries, then each subfolder's
        assertThat(host.run(cmd("gci", "a", p("Filter", "*.iso"), sw("Recurse"), sw("Name"))))
                .containsExactly("x.iso", "b/z.iso");
        assertThat(host.run(cmd("Get-ChildItem", "a/*.txt", sw("Name")))).containsExactly("y.txt");
        Object item = host.run(cmd("Get-ChildItem", "a", sw("File"))).get(0);
        assertThat(Members.getProperty(item, "Length")).isEqualTo(3L);
        assertThat(Members.getProperty(item, "FullName")).isEqualTo(dir.resolve("a/x.iso").toString());
    }

    @Test
    void removeItemNeedsRecurseForFullFoldersAndHonoursWhatIf() throws Exception {
        Files.createDirectories(dir.resolve("t/sub"));
        Files.writeString(dir.resolve("t/sub/f"), "x");
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Remove-Item", "t"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("Recurse"));
        host.run(cmd("rm", "t", sw("Recurse"), sw("WhatIf")));
        assertThat(dir.resolve("t")).exists();
        host.run(cmd("Remove-Item", "t", sw("Recurse"), sw("Force")));
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void splitPathParts() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("Split-Path", "/data/in/file.tar.gz"))).containsExactly("/data/in");
        assertThat(host.run(cmd("Split-Path", "/data/in/file.tar.gz", sw("Leaf")))).containsExactly("file.tar.gz");
        assertThat(host.run(cmd("Split-Path", "/data/in/file.tar.gz", sw("LeafBase")))).containsExactly("file.tar");
        assertThat(host.run(cmd("Split-Path", "/data/in/file.tar.gz", sw("Extension")))).containsExactly(".gz");
        assertThat(host.run(cmd("Split-Path", "/file"))).containsExactly("/");
        assertThat(host.run(List.of("a/b"), cmd("Split-Path", sw("Leaf")))).containsExactly("b");
    }

    @Test
    void locationModulesAndClearHost() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        TestHost host = new TestHost(dir, null);
        host.run(cmd("cd", "sub"));
        assertThat(host.run(cmd("pwd")).get(0)).hasToString(dir.resolve("sub").toString());
        assertThat(Members.getProperty(host.run(cmd("Get-Location")).get(0), "path")).isEqualTo(dir.resolve("sub").toString());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> host.run(cmd("Set-Location", "nope"))))
                .hasMessageContaining("does not exist");
        assertThat(host.run(cmd("Import-Module", "bitstransfer", sw("Force")))).isEmpty();
        host.run(cmd("Import-Module", "NoSuchModule"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("'NoSuchModule'"));
        assertThat(host.run(cmd("Get-Module", "Bits*")).stream().map(m -> Members.getProperty(m, "Name")))
                .containsExactly("BitsTransfer");
        host.run(cmd("cls"));
        assertThat(host.console).isEmpty();
    }
}
