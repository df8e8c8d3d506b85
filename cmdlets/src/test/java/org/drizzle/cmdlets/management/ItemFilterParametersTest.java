package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Filter, -Include and -Exclude on Get-Content, Set-Content, Add-Content and Get-Item, on real files. */
class ItemFilterParametersTest {
    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void files() throws Exception {
        host = new TestHost(dir, null);
        Files.writeString(dir.resolve("a.txt"), "A\n");
        Files.writeString(dir.resolve("b.log"), "B\n");
        Files.writeString(dir.resolve("c.txt"), "C\n");
        Files.createDirectory(dir.resolve("sub"));
    }

    private String read(String name) throws Exception {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void getContentFiltersTheFilesAWildcardResolvesTo() {
        assertThat(host.run(cmd("Get-Content", "*.*"))).containsExactly("A", "B", "C");
        assertThat(host.run(cmd("Get-Content", "*", p("Include", new String[] {"*.txt"})))).containsExactly("A", "C");
        assertThat(host.run(cmd("Get-Content", "*", p("Exclude", new String[] {"*.txt", "sub"})))).containsExactly("B");
        assertThat(host.run(cmd("Get-Content", "*", p("Filter", "?.log")))).containsExactly("B");
        // an exact path the filter leaves out is not read, and is no error
        assertThat(host.run(cmd("Get-Content", "a.txt", p("Exclude", new String[] {"a*"})))).isEmpty();
        assertThat(host.errors).isEmpty();
    }

    @Test
    void getContentOnAFolderSaysItIsAFolder() {
        host.run(cmd("Get-Content", "*", p("Include", new String[] {"s*"})));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message())
                .contains("Unable to get content because it is a directory").contains("sub"));
    }

    @Test
    void setAndAddContentWriteOnlyTheFilesThatPass() throws Exception {
        host.run(cmd("Set-Content", "*", "new", p("Include", new String[] {"*.txt"})));
        assertThat(read("a.txt")).isEqualTo("new\n");
        assertThat(read("c.txt")).isEqualTo("new\n");
        assertThat(read("b.log")).isEqualTo("B\n");
        host.run(cmd("Add-Content", "*.*", "more", p("Exclude", new String[] {"c*"})));
        assertThat(read("a.txt")).isEqualTo("new\nmore\n");
        assertThat(read("b.log")).isEqualTo("B\nmore\n");
        assertThat(read("c.txt")).isEqualTo("new\n");
        host.run(cmd("Add-Content", "*.*", "log", p("Filter", "*.log")));
        assertThat(read("b.log")).isEqualTo("B\nmore\nlog\n");
        assertThat(read("a.txt")).isEqualTo("new\nmore\n");
        // a new file by its exact name is created unless the filters leave it out
        host.run(cmd("Set-Content", "d.txt", "D", p("Exclude", new String[] {"*.txt"})));
        assertThat(dir.resolve("d.txt")).doesNotExist();
        host.run(cmd("Set-Content", "d.txt", "D", p("Include", new String[] {"*.txt"})));
        assertThat(read("d.txt")).isEqualTo("D\n");
    }

    @Test
    void setContentWithAWildcardThatMatchesNothingIsAnError() {
        host.run(cmd("Set-Content", "*.iso", "x"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("*.iso")
                .contains("does not exist"));
    }

    @Test
    void getItemFilters() {
        List<Object> items = host.run(cmd("Get-Item", "*", p("Exclude", new String[] {"*.txt"})));
        assertThat(items).map(i -> Members.getProperty(i, "Name")).containsExactly("b.log", "sub");
        items = host.run(cmd("Get-Item", "*", p("Include", new String[] {"*.txt", "*.log"}), p("Filter", "[ab]*")));
        assertThat(items).map(i -> Members.getProperty(i, "Name")).containsExactly("a.txt", "b.log");
    }
}
