package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-Process's PowerShell 7.4 parameters the audit found missing, with real child processes. */
class StartProcessParametersTest {
    @TempDir
    Path dir;

    @Test
    void redirectStandardInputFeedsAFile() throws Exception {
        Files.writeString(dir.resolve("in.txt"), "b\na\n");
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Start-Process", "sort", p("RSI", "in.txt"), p("RSO", "out.txt"), sw("Wait")));
        assertThat(dir.resolve("out.txt")).hasContent("a\nb");
        assertThatThrownBy(() -> host.run(cmd("Start-Process", "sort", p("RedirectStandardInput", "none.txt"), sw("Wait"))))
                .hasMessageContaining("none.txt' because it does not exist");
    }

    @Test
    void environmentSetsAndRemovesVariables() throws Exception {
        TestHost host = new TestHost(dir, null);
        Hashtable env = new Hashtable();
        env.put("DZ_PARAM_FOO", "bar");
        env.put("HOME", null);
        host.run(cmd("Start-Process", "sh", p("ArgumentList", new String[] {"-c", "\"echo $DZ_PARAM_FOO-${HOME:-unset}\""}),
                p("Environment", env), p("RedirectStandardOutput", "env.txt"), sw("Wait")));
        assertThat(dir.resolve("env.txt")).hasContent("bar-unset");
        assertThatThrownBy(() -> host.run(cmd("Start-Process", "true", p("Environment", "FOO=bar"))))
                .hasMessageContaining("-Environment takes a hashtable");
    }

    @Test
    void whatIfStartsNothing() {
        TestHost host = new TestHost(dir, null);
        host.run(cmd("Start-Process", "touch", "made.txt", sw("Wait"), sw("WhatIf")));
        assertThat(dir.resolve("made.txt")).doesNotExist();
        host.run(cmd("Start-Process", "touch", "made.txt", sw("Wait")));
        assertThat(dir.resolve("made.txt")).exists();
    }
}
