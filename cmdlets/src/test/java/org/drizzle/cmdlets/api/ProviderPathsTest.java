package org.drizzle.cmdlets.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProviderPathsTest {
    @Test
    void backslashesSeparateAndRelativePathsStartAtTheLocation() {
        Path here = Path.of("/srv/work");
        assertThat(ProviderPaths.resolve(here, ".\\sub\\a.txt")).isEqualTo(Path.of("/srv/work/sub/a.txt"));
        assertThat(ProviderPaths.resolve(here, "/srv/work\\10meg.test")).isEqualTo(Path.of("/srv/work/10meg.test"));
        assertThat(ProviderPaths.resolve(here, "..\\other")).isEqualTo(Path.of("/srv/other"));
        assertThat(ProviderPaths.resolve(here, "~\\x")).isEqualTo(Path.of(System.getProperty("user.home"), "x"));
        assertThat(ProviderPaths.normalize("~user")).isEqualTo("~user");
    }
}
