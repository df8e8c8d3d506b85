package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.dotnet.DotNetVersion;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-Process with real child processes, Set-StrictMode's session variable. */
class ProcessAndSessionCmdletsTest {
    @TempDir
    Path dir;

    @Test
    void startProcessWaitsAndReportsTheExitCode() {
        TestHost host = new TestHost(dir, null);
        Object p = host.run(cmd("Start-Process", p("FilePath", "sh"), p("ArgumentList", new String[] {"-c", "\"exit 3\""}),
                sw("Wait"), sw("PassThru"), sw("NoNewWindow"))).get(0);
        assertThat(Members.getProperty(p, "HasExited")).isEqualTo(true);
        assertThat(Members.getProperty(p, "ExitCode")).isEqualTo(3);
        assertThat((Long) Members.getProperty(p, "Id")).isPositive();
    }

    @Test
    void startProcessRedirectsOutputAndRunsInTheCurrentLocation() throws Exception {
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Start-Process", "pwd", p("RedirectStandardOutput", "out.txt"), sw("Wait")));
        assertThat(dir.resolve("out.txt")).content().isEqualToIgnoringNewLines(dir.toRealPath().toString());
        assertThat(host.output).isEmpty();
    }

    @Test
    void startProcessWithoutWaitReturnsARunningProcess() throws Exception {
        TestHost host = new TestHost(dir, null);
        ProcessInfo p = (ProcessInfo) host.run(cmd("Start-Process", "sleep", "5", sw("PassThru"))).get(0);
        try {
            assertThat(p.getHasExited()).isFalse();
            assertThat(p.getExitCode()).isNull();
        } finally {
            p.kill();
            p.waitForExit();
        }
    }

    @Test
    void startProcessNamesAMissingProgramAndRefusesRunAs() {
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Start-Process", "no-such-program-h9")))
                .isInstanceOf(CommandException.class).hasMessageContaining("no-such-program-h9");
        assertThatThrownBy(() -> host.run(cmd("Start-Process", "sh", p("Verb", "RunAs"))))
                .hasMessageContaining("RunAs");
    }

    @Test
    void commandLineSplitsLikeADotNetArgumentString() {
        assertThat(CommandLine.split("/S /D=\"C:\\Program Files\\x\"  -q")).containsExactly("/S", "/D=C:\\Program Files\\x", "-q");
        assertThat(CommandLine.split("say \\\"hi\\\" \"\"")).containsExactly("say", "\"hi\"", "");
    }

    @Test
    void setStrictModeStoresTheVersionForTheHost() {
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Set-StrictMode", p("Version", "Latest")));
        assertThat(host.variables.get(SetStrictModeCommand.VARIABLE.toLowerCase(java.util.Locale.ROOT))).isEqualTo(new DotNetVersion(3, 0, -1, -1));
        host.run(cmd("Set-StrictMode", p("Version", "2")));
        assertThat(host.variables.get(SetStrictModeCommand.VARIABLE.toLowerCase(java.util.Locale.ROOT))).isEqualTo(new DotNetVersion(2, 0, -1, -1));
        host.run(cmd("Set-StrictMode", sw("Off")));
        assertThat(host.variables.get(SetStrictModeCommand.VARIABLE.toLowerCase(java.util.Locale.ROOT))).isNull();
        assertThatThrownBy(() -> host.run(cmd("Set-StrictMode", p("Version", "7.0")))).hasMessageContaining("7.0");
    }
}
