package org.drizzle.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A script's {@code $env:X = 'v'} reaches the cmdlets that read environment variables (the JVM's own
 * environment cannot change), and a bare user name given to -Credential says how to make a credential.
 */
class SessionEnvironmentTest {
    private static FaultServer server;
    private static String url;

    @BeforeAll
    static void startServer() {
        server = FaultServer.start();
        server.resource("/secret.txt").generated(1_000).requireBasic("alice", "pa55-word");
        url = server.uri("/secret.txt").toString();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void getCredentialReadsThePasswordTheScriptPutInEnv() {
        Result ok = ScriptHarness.exec("$env:H14_BITS_PW = 'pa55-word'\n"
                + "$c = Get-Credential -UserName alice -PasswordEnvironmentVariable H14_BITS_PW\n"
                + "(Invoke-WebRequest -Uri '" + url + "' -Credential $c -UseBasicParsing).StatusCode");
        assertThat(ok.err()).isEmpty();
        assertThat(ok.lines()).containsExactly("200");

        Result wrong = ScriptHarness.exec("$env:H14_BITS_PW = 'guess'\n"
                + "$c = Get-Credential -UserName alice -PasswordEnvironmentVariable H14_BITS_PW\n"
                + "try { Invoke-WebRequest -Uri '" + url + "' -Credential $c -UseBasicParsing } catch { 'refused' }");
        assertThat(wrong.lines()).containsExactly("refused");
    }

    @Test
    void anUnsetVariableIsNamedInTheError() {
        Result r = ScriptHarness.exec("Get-Credential -UserName alice -PasswordEnvironmentVariable H14_NOT_SET_ANYWHERE");
        assertThat(r.err()).contains("The environment variable 'H14_NOT_SET_ANYWHERE' is not set.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aUserNameForCredentialSuggestsGetCredential() {
        int before = server.resource("/secret.txt").requests().size();
        Result web = ScriptHarness.exec("Invoke-WebRequest -Uri '" + url + "' -Credential alice");
        assertThat(web.err()).contains("Cannot bind parameter 'Credential'")
                .contains("a user name alone is not a credential")
                .contains("Get-Credential -UserName alice -PasswordEnvironmentVariable");
        Result bits = ScriptHarness.exec("Start-BitsTransfer -Source '" + url + "' -Destination ./x.bin -ProxyCredential bob");
        assertThat(bits.err()).contains("Cannot bind parameter 'ProxyCredential'")
                .contains("Get-Credential -UserName bob");
        assertThat(server.resource("/secret.txt").requests()).as("nothing sent").hasSize(before);
    }
}
