package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invoke-WebRequest/Invoke-RestMethod -UnixSocket against a real HTTP server listening on a Unix domain socket. */
class WebUnixSocketTest {
    @TempDir
    Path dir;
    private ServerSocketChannel server;
    private Thread loop;
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("api.sock")));
        loop = new Thread(() -> {
            while (server.isOpen()) {
                try (SocketChannel c = server.accept()) {
                    answer(c);
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        loop.setDaemon(true);
        loop.start();
    }

    /** Reads one request's head and answers with JSON naming its request line and Host header. */
    private void answer(SocketChannel c) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(1);
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && c.read(b) > 0) {
            head.write(b.get(0));
            b.clear();
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        requestLines.add(lines[0]);
        String host = "";
        for (String l : lines) {
            if (l.regionMatches(true, 0, "Host:", 0, 5)) {
                host = l.substring(5).trim();
            }
        }
        byte[] body = ("{\"line\":\"" + lines[0] + "\",\"host\":\"" + host + "\"}").getBytes(StandardCharsets.UTF_8);
        String response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        c.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)));
        c.write(ByteBuffer.wrap(body));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        loop.join(2000);
    }

    @Test
    void restMethodTalksHttpOverTheSocket() {
        TestHost host = new TestHost(dir, null);
        Object result = host.run(cmd("Invoke-RestMethod", "http://localhost/v1/info?x=1", p("UnixSocket", "api.sock"))).get(0);
        assertThat(Members.getProperty(result, "line")).isEqualTo("GET /v1/info?x=1 HTTP/1.1");
        assertThat(Members.getProperty(result, "host")).isEqualTo("localhost");
        assertThat(host.errors).isEmpty();
    }

    @Test
    void webRequestTalksHttpOverTheSocket() {
        TestHost host = new TestHost(dir, null);
        Object response = host.run(cmd("Invoke-WebRequest", "http://localhost/ping", p("UnixSocket",
                dir.resolve("api.sock").toString()))).get(0);
        assertThat(Members.getProperty(response, "StatusCode")).isEqualTo(200);
        assertThat((String) Members.getProperty(response, "Content")).contains("GET /ping HTTP/1.1");
        assertThat(requestLines).containsExactly("GET /ping HTTP/1.1");
    }

    @Test
    void aMissingSocketIsAClearError() {
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", "http://localhost/ping", p("UnixSocket", "none.sock"),
                p("ErrorAction", "Stop"))))
                .hasMessage("Cannot connect to the Unix socket '" + dir.resolve("none.sock") + "': No such file or directory.");
        assertThatThrownBy(() -> host.run(cmd("Invoke-RestMethod", "http://localhost/ping", p("UnixSocket", "."))))
                .hasMessageContaining("is not a socket");
        assertThat(requestLines).isEmpty();
    }
}
