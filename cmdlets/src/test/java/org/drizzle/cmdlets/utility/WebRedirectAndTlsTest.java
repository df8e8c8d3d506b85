package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PowerShell 7.4's redirect switches and -SslProtocol of the web cmdlets, against loopback servers. */
class WebRedirectAndTlsTest {
    @TempDir
    Path dir;
    private HttpServer echo;
    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        host = new TestHost(dir, null);
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/echo", x -> {
            byte[] in = x.getRequestBody().readAllBytes();
            byte[] out = (x.getRequestMethod() + "|" + x.getRequestHeaders().getFirst("Authorization") + "|"
                    + new String(in, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/plain");
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        });
        for (int status : new int[] {302, 303, 307}) {
            echo.createContext("/r" + status, x -> {
                x.getRequestBody().readAllBytes();
                x.getResponseHeaders().add("Location", "/echo");
                x.sendResponseHeaders(status, -1);
                x.close();
            });
        }
        echo.createContext("/te", x -> {
            byte[] in = x.getRequestBody().readAllBytes();
            byte[] out = (x.getRequestHeaders().getFirst("Transfer-Encoding") + "|" + x.getRequestHeaders()
                    .getFirst("Content-Length") + "|" + new String(in, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        });
        echo.start();
    }

    @AfterEach
    void stop() {
        echo.stop(0);
    }

    private String uri(String path) {
        return "http://127.0.0.1:" + echo.getAddress().getPort() + path;
    }

    private Object content(Object... args) {
        return Members.getProperty(host.run(cmd("Invoke-WebRequest", args)).get(0), "Content");
    }

    @Test
    void authorizationIsDroppedOnRedirectUnlessPreserved() {
        Map<String, String> auth = Map.of("Authorization", "Bearer s3cret");
        assertThat(content(uri("/echo"), p("Headers", auth))).isEqualTo("GET|Bearer s3cret|");
        assertThat(content(uri("/r302"), p("Headers", auth))).isEqualTo("GET|null|");
        assertThat(content(uri("/r307"), p("Headers", auth), sw("PreserveAuthorizationOnRedirect")))
                .isEqualTo("GET|Bearer s3cret|");
    }

    @Test
    void methodBecomesGetAsPowerShellDoesUnlessPreserved() {
        assertThat(content(uri("/r302"), p("Method", "Post"), p("Body", "x=1"))).isEqualTo("GET|null|");
        assertThat(content(uri("/r303"), p("Method", "Put"), p("Body", "x=1"))).isEqualTo("GET|null|");
        assertThat(content(uri("/r307"), p("Method", "Post"), p("Body", "x=1"))).isEqualTo("POST|null|x=1");
        assertThat(content(uri("/r302"), p("Method", "Post"), p("Body", "x=1"), sw("PreserveHttpMethodOnRedirect")))
                .isEqualTo("POST|null|x=1");
        assertThat(content(uri("/r303"), p("Method", "Put"), p("Body", "x=1"), sw("PreserveHttpMethodOnRedirect")))
                .isEqualTo("PUT|null|x=1");
    }

    @Test
    void httpsToHttpIsRefusedWithoutAllowInsecureRedirect() throws Exception {
        try (FaultServer tls = FaultServer.builder().tls(TestCertificates.Kind.LOCALHOST).start()) {
            tls.resource("/down").redirectTo(uri("/echo"));
            String from = tls.httpsUri("/down").toString();
            assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", from, sw("SkipCertificateCheck"))))
                    .isInstanceOf(CommandException.class).hasMessage(HttpFetch.INSECURE_REDIRECT);
            assertThat(content(from, sw("SkipCertificateCheck"), sw("AllowInsecureRedirect"))).isEqualTo("GET|null|");
            assertThat(host.run(cmd("Invoke-RestMethod", from, sw("SkipCertificateCheck"), sw("AllowInsecureRedirect"))))
                    .containsExactly("GET|null|");
        }
    }

    @Test
    void transferEncodingChunkedSendsTheBodyInChunks() {
        assertThat(content(uri("/te"), p("Method", "Post"), p("Body", "abc"))).isEqualTo("null|3|abc");
        assertThat(content(uri("/te"), p("Method", "Post"), p("Body", "abc"), p("TransferEncoding", "chunked")))
                .isEqualTo("chunked|null|abc");
        assertThat(content(uri("/te"), p("Method", "Post"), p("Body", "abc"), p("TransferEncoding", "identity")))
                .isEqualTo("null|3|abc");
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", uri("/te"), p("Method", "Post"), p("Body", "abc"),
                p("TransferEncoding", "gzip")))).hasMessageContaining("-TransferEncoding gzip is not supported");
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", uri("/te"), p("TransferEncoding", "zip"))))
                .hasMessageContaining("zip");
    }

    @Test
    void sslProtocolLimitsTheTlsVersions() throws Exception {
        try (FaultServer tls = FaultServer.builder().tls(TestCertificates.Kind.LOCALHOST).start()) {
            Files.writeString(dir.resolve("s.txt"), "over tls");
            tls.resource("/s").file(dir.resolve("s.txt"));
            String s = tls.httpsUri("/s").toString();
            assertThat(content(s, sw("SkipCertificateCheck"), p("SslProtocol", new String[] {"Tls12"}))).isEqualTo("over tls");
            assertThat(content(s, sw("SkipCertificateCheck"), p("SslProtocol", new String[] {"Tls12,Tls13"}))).isEqualTo("over tls");
            // the JDK refuses TLS 1.1, so a request limited to it cannot connect
            assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", s, sw("SkipCertificateCheck"),
                    p("SslProtocol", new String[] {"Tls11"})))).isInstanceOf(CommandException.class)
                    .hasMessage("The SSL connection could not be established, see inner exception.");
            assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", s, p("SslProtocol", new String[] {"Ssl3"}))))
                    .hasMessageContaining("Unable to match the identifier name Ssl3");
        }
    }
}
