package org.drizzle.cmdlets.bits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.format.Formatter;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetCredentialCommandTest {
    @TempDir
    Path dir;

    @Test
    void promptsOnATerminalWithoutEchoingThePassword() {
        TestHost host = new TestHost(dir, null);
        host.interactive = true;
        host.input.add("alice");
        host.input.add("pa55");
        PSCredential c = (PSCredential) host.run(cmd("Get-Credential")).get(0);
        assertThat(c.userName()).isEqualTo("alice");
        assertThat(c.password()).isEqualTo("pa55");
        assertThat(host.prompts).containsExactly("User: ", "Password for user alice: [secret]");
    }

    @Test
    void titleAndMessageAreShownBeforeThePrompt() {
        TestHost host = new TestHost(dir, null);
        host.interactive = true;
        host.input.add("pa55");
        host.run(cmd("Get-Credential", p("UserName", "alice"), p("Title", "Proxy login"), p("Message", "For the proxy")));
        assertThat(host.console.toString()).contains("Proxy login\nFor the proxy\n");
    }

    @Test
    void scriptsReadThePasswordFromAFile() throws Exception {
        Files.writeString(dir.resolve("pw"), "fromfile\nignored\n");
        TestHost host = new TestHost(dir, null);
        PSCredential c = (PSCredential) host.run(cmd("Get-Credential", p("UserName", "bob"), p("PasswordFile", "pw"))).get(0);
        assertThat(c.password()).isEqualTo("fromfile");
    }

    @Test
    void withoutATerminalOrASourceItIsAClearError() {
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Get-Credential", "bob"))).hasMessageContaining("-PasswordFile");
        assertThatThrownBy(() -> host.run(cmd("Get-Credential", "bob", p("PasswordEnvironmentVariable", "NO_SUCH_VAR_H5"))))
                .hasMessageContaining("NO_SUCH_VAR_H5");
    }

    @Test
    void thePasswordNeverAppearsInOutput() {
        PSCredential c = new PSCredential("alice", "topsecret".toCharArray());
        assertThat(c.toString()).doesNotContain("topsecret");
        assertThat(Formatter.format(List.of(c), 80)).contains("alice").contains(PSCredential.SECURE_STRING)
                .doesNotContain("topsecret");
    }
}
