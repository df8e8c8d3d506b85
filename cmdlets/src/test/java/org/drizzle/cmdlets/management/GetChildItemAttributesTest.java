package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-ChildItem -Attributes: FileAttributes expressions over what Linux items have. */
class GetChildItemAttributesTest {
    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void items() throws Exception {
        host = new TestHost(dir, null);
        Files.createDirectory(dir.resolve("d"));
        Files.createDirectory(dir.resolve(".hd"));
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve(".h"), "h");
        Files.writeString(dir.resolve("ro.txt"), "r");
        Files.setPosixFilePermissions(dir.resolve("ro.txt"), PosixFilePermissions.fromString("r--r--r--"));
        Files.createSymbolicLink(dir.resolve("ln"), dir.resolve("a.txt"));
    }

    private List<Object> names(Object attributes) {
        return host.run(cmd("Get-ChildItem", sw("Name"), p("Attributes", attributes)));
    }

    @Test
    void singleAttributesAndNegation() {
        assertThat(names("Directory")).containsExactly("d");
        assertThat(names("ReadOnly")).containsExactly("ro.txt");
        assertThat(names("ReparsePoint")).containsExactly("ln");
        assertThat(names("Normal")).containsExactly("a.txt");
        assertThat(names("!Directory")).containsExactly("a.txt", "ln", "ro.txt");
        assertThat(names("Archive")).isEmpty();
    }

    @Test
    void andOrAndHiddenItemsWhenTheExpressionNamesHidden() {
        assertThat(names("Directory+Hidden")).containsExactly(".hd");
        assertThat(names("Hidden, ReadOnly")).containsExactly(".hd", ".h", "ro.txt");
        assertThat(names("!Hidden")).containsExactly("d", "a.txt", "ln", "ro.txt");
        assertThat(names(new String[] {"Directory", "ReadOnly"})).containsExactly("d", "ro.txt");
        assertThat(names("!Directory+!ReadOnly")).containsExactly("a.txt", "ln");
        assertThat(host.run(cmd("Get-ChildItem", sw("Name"), sw("File"), p("Attributes", "!ReparsePoint"))))
                .containsExactly("a.txt", "ro.txt");
    }

    @Test
    void anUnknownAttributeIsRefusedNamingIt() {
        assertThatThrownBy(() -> names("Directory+Sparse"))
                .hasMessageContaining("Unable to match the identifier name Sparse to a valid enumerator name")
                .hasMessageContaining("ReadOnly, Hidden, System, Directory");
    }
}
