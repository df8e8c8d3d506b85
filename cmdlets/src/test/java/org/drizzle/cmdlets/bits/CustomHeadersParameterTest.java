package org.drizzle.cmdlets.bits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.security.RawHttpRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-BitsTransfer -CustomHeaders with a header the client owns or a control character
 * (issue 13 item 9): an error naming the header with E_INVALIDARG, no job, nothing sent.
 */
class CustomHeadersParameterTest {

    @Test
    void oddHeadersAreAnErrorNamingTheHeaderAndNothingIsSent(@TempDir Path dir) throws Exception {
        try (RawHttpRecorder server = new RawHttpRecorder(); LocalEngine engine = LocalEngine.open(
                EngineConfig.builder(dir.resolve("store")).notificationInterval(Duration.ofMillis(100)).build())) {
            Files.createDirectories(dir.resolve("work"));
            TestHost host = new TestHost(dir.resolve("work"), engine.client(Principal.current()));
            for (String header : List.of("Host: evil.example", "Transfer-Encoding: chunked", "X-Nul: a\0b", "Bad Name: v")) {
                host.errors.clear();
                host.run(cmd("Start-BitsTransfer", server.uri("/f").toString(), "f", p("CustomHeaders", new String[] {header})));
                String name = header.substring(0, header.indexOf(':'));
                assertThat(host.errors).as(header).singleElement().satisfies(e -> {
                    assertThat(e.hresult()).isEqualTo(ErrorCodes.E_INVALIDARG);
                    assertThat(e.message()).contains("'" + name + "'").doesNotContain("\0");
                });
            }
            assertThat(host.run(cmd("Get-BitsTransfer"))).isEmpty();
            assertThat(server.requests).isEmpty();
        }
    }
}
