package org.drizzle.engine.service.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.drizzle.engine.service.ServiceMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The Windows service options and what `drizzle service install` says where there is no SCM. */
class WindowsServiceCommandTest {

    @Test
    void optionsParseAndGoBackOnTheScmCommandLine() {
        WindowsServiceOptions o = WindowsServiceOptions.parse(new String[] {"install", "--name", "DrizzleB",
                "--store", "jobs", "--config", "etc", "--socket", "\\\\.\\pipe\\drizzle-b"}, 1);

        assertThat(o.name()).isEqualTo("DrizzleB");
        assertThat(o.store()).isEqualTo(Path.of("jobs").toAbsolutePath());
        assertThat(o.config()).isEqualTo(Path.of("etc").toAbsolutePath());
        assertThat(o.pipe()).isEqualTo("\\\\.\\pipe\\drizzle-b");
        assertThat(WindowsServiceOptions.parse(o.toArgs().toArray(String[]::new), 0)).isEqualTo(o);
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> WindowsServiceOptions.parse(new String[] {"install", "--name", "a\\b"}, 1))
                .hasMessage("--name 'a\\b' is not a Windows service name (1-256 characters, no / or \\).");
        assertThatThrownBy(() -> WindowsServiceOptions.parse(new String[] {"install", "--socket", "/run/x.sock"}, 1))
                .hasMessage("--socket '/run/x.sock' is not a local pipe name (\\\\.\\pipe\\...).");
        assertThatThrownBy(() -> WindowsServiceOptions.parse(new String[] {"install", "--store"}, 1))
                .hasMessage("--store needs a value.");
        assertThatThrownBy(() -> WindowsServiceOptions.parse(new String[] {"install", "--bogus", "x"}, 1))
                .hasMessage("Unknown option '--bogus' for the Windows service.");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxInstallPointsToSystemd() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ServiceMain.run(new String[] {"install"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("drizzle service install manages the Windows service")
                .contains("systemctl enable --now drizzle");
        assertThat(WindowsServiceCommand.handles(new String[] {"stop", "--name", "Drizzle"})).as("stop stays on the socket").isFalse();
    }
}
