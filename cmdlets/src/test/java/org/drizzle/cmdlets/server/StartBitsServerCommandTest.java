package org.drizzle.cmdlets.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-BitsServer as a script would use it: start, upload to it with BITS packets, stop. */
class StartBitsServerCommandTest {
    @TempDir
    Path dir;

    @Test
    void passThruStartsAServerThatAcceptsUploadsIntoTheRoot() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        TestHost host = new TestHost(dir, null);
        List<Object> out = host.run(cmd("Start-BitsServer", "inbox", p("Port", 0), p("VirtualDirectory", "/logs"), sw("PassThru")));
        assertThat(out).hasSize(1);
        RunningBitsServer server = (RunningBitsServer) out.get(0);
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            URI target = URI.create(server.getProperty("Url") + "/host1.log");
            String session = http.execute(ClassicRequestBuilder.create("BITS_POST").setUri(target)
                    .setHeader("BITS-Packet-Type", "Create-Session")
                    .setHeader("BITS-Supported-Protocols", "{7df0354d-249b-430f-820d-3d2a9bef4931}")
                    .setEntity(new ByteArrayEntity(new byte[0], null)).build(), r -> {
                        Header h = r.getFirstHeader("BITS-Session-Id");
                        return h == null ? null : h.getValue();
                    });
            assertThat(session).isNotNull();
            int status = http.execute(ClassicRequestBuilder.create("BITS_POST").setUri(target)
                    .setHeader("BITS-Packet-Type", "Fragment").setHeader("BITS-Session-Id", session)
                    .setHeader("Content-Range", "bytes 0-4/5")
                    .setEntity(new ByteArrayEntity("hello".getBytes(), null)).build(), r -> r.getCode());
            assertThat(status).isEqualTo(200);
        } finally {
            server.stop();
        }
        assertThat(dir.resolve("inbox/host1.log")).hasContent("hello");
        assertThat(server.getProperty("Root")).isEqualTo(dir.resolve("inbox").toString());
    }

    @Test
    void capParametersRefuseExtraSessionsAndLargeUploads() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        TestHost host = new TestHost(dir, null);
        RunningBitsServer server = (RunningBitsServer) host.run(cmd("Start-BitsServer", "inbox", p("Port", 0), sw("PassThru"),
                p("MaximumSessionsPerClient", 1), p("MaximumSessions", 5), p("MaximumUploadSize", 10))).get(0);
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            URI target = URI.create(server.getProperty("Url") + "big.bin");
            String session = http.execute(create(target), r -> r.getFirstHeader("BITS-Session-Id").getValue());
            String second = http.execute(create(URI.create(server.getProperty("Url") + "second.bin")),
                    r -> r.getCode() + " " + r.getFirstHeader("BITS-Error-Code").getValue());
            assertThat(second).as("one session per client").isEqualTo("429 0x801901AD");
            String tooLarge = http.execute(ClassicRequestBuilder.create("BITS_POST").setUri(target)
                    .setHeader("BITS-Packet-Type", "Fragment").setHeader("BITS-Session-Id", session)
                    .setHeader("Content-Range", "bytes 0-10/11")
                    .setEntity(new ByteArrayEntity("hello world".getBytes(), null)).build(),
                    r -> r.getCode() + " " + r.getFirstHeader("BITS-Error-Code").getValue());
            assertThat(tooLarge).isEqualTo("500 0x80200020");
        } finally {
            server.stop();
        }
        assertThat(dir.resolve("inbox/big.bin")).doesNotExist();
        assertThat(dir.resolve("inbox/second.bin")).doesNotExist();
    }

    private static org.apache.hc.core5.http.ClassicHttpRequest create(URI target) {
        return ClassicRequestBuilder.create("BITS_POST").setUri(target)
                .setHeader("BITS-Packet-Type", "Create-Session")
                .setHeader("BITS-Supported-Protocols", "{7df0354d-249b-430f-820d-3d2a9bef4931}")
                .setEntity(new ByteArrayEntity(new byte[0], null)).build();
    }

    @Test
    void missingRootIsATerminatingErrorNamingIt() {
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Start-BitsServer", "nowhere", p("Port", 0), sw("PassThru"))))
                .isInstanceOf(CommandException.class).hasMessageContaining("nowhere");
    }
}
