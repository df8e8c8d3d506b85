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
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.bits.SecureString;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.engine.testserver.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PowerShell 7.4 options of Invoke-WebRequest/Invoke-RestMethod, each against a loopback server. */
class WebCmdletOptionsTest {
    @TempDir
    Path dir;
    private FaultServer server;
    private HttpServer echo;
    private TestHost host;

    @BeforeEach
    void start() throws IOException {
        server = FaultServer.start();
        host = new TestHost(dir, null);
        // Answers every request with "METHOD|Authorization|body", for what the FaultServer does not record.
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", x -> {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            byte[] in = x.getRequestBody().readAllBytes();
            byte[] out = (x.getRequestMethod() + "|" + auth + "|" + new String(in, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/plain");
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        });
        echo.createContext("/login", x -> {
            x.getResponseHeaders().add("Set-Cookie", "sid=abc123; Path=/");
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        echo.createContext("/me", x -> {
            byte[] out = (x.getRequestHeaders().getFirst("Cookie") + "|" + x.getRequestHeaders().getFirst("X-Api"))
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/plain");
            x.sendResponseHeaders(200, out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        });
        echo.createContext("/stall", x -> {
            x.sendResponseHeaders(200, 10);
            OutputStream o = x.getResponseBody();
            o.write('a');
            o.flush();
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        echo.start();
    }

    @AfterEach
    void stop() {
        server.close();
        echo.stop(0);
    }

    private String echoUri(String path) {
        return "http://127.0.0.1:" + echo.getAddress().getPort() + path;
    }

    private Object content(Object response) {
        return Members.getProperty(response, "Content");
    }

    @Test
    void maximumRedirectionLimitsTheRedirectsFollowed() throws Exception {
        Files.writeString(dir.resolve("new.txt"), "moved here");
        server.resource("/new").file(dir.resolve("new.txt"));
        server.resource("/old").redirectTo(server.uri("/new").toString());
        server.resource("/older").redirectTo(server.uri("/old").toString());
        assertThat(content(host.run(cmd("Invoke-WebRequest", server.uri("/older").toString())).get(0))).isEqualTo("moved here");
        assertThat(content(host.run(cmd("Invoke-WebRequest", server.uri("/old").toString(), p("MaximumRedirection", 1)))
                .get(0))).isEqualTo("moved here");
        for (Object[] c : new Object[][] {{"/old", 0}, {"/older", 1}}) {
            assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", server.uri((String) c[0]).toString(),
                    p("MaximumRedirection", c[1])))).isInstanceOf(CommandException.class)
                    .hasMessage(HttpFetch.TOO_MANY_REDIRECTS);
        }
        Object r = host.run(cmd("Invoke-WebRequest", server.uri("/old").toString(), p("MaximumRedirection", 0),
                sw("SkipHttpErrorCheck"))).get(0);
        assertThat(Members.getProperty(r, "StatusCode")).isEqualTo(302);
        assertThatThrownBy(() -> host.run(cmd("iwr", server.uri("/old").toString(), p("MaximumRedirection", -1))))
                .hasMessageContaining("Cannot validate argument on parameter 'MaximumRedirection'. The -1 argument is less "
                        + "than the minimum allowed range of 0.");
    }

    @Test
    void skipCertificateCheckAcceptsASelfSignedServer() throws Exception {
        try (FaultServer tls = FaultServer.builder().tls(TestCertificates.Kind.LOCALHOST).start()) {
            Files.writeString(dir.resolve("s.txt"), "over tls");
            tls.resource("/s").file(dir.resolve("s.txt"));
            assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", tls.httpsUri("/s").toString())))
                    .isInstanceOf(CommandException.class)
                    .hasMessage("The SSL connection could not be established, see inner exception.");
            Object r = host.run(cmd("Invoke-WebRequest", tls.httpsUri("/s").toString(), sw("SkipCertificateCheck"))).get(0);
            assertThat(content(r)).isEqualTo("over tls");
        }
    }

    @Test
    void resumeContinuesAPartialOutFileWithARangeRequest() throws Exception {
        Resource file = server.resource("/big.bin").generated(100_000);
        byte[] all = file.content().bytes();
        Path dest = dir.resolve("big.bin");
        Files.write(dest, Arrays.copyOf(all, 40_000));
        assertThat(host.run(cmd("Invoke-WebRequest", server.uri("/big.bin").toString(), p("OutFile", "big.bin"),
                sw("Resume")))).isEmpty();
        assertThat(Files.readAllBytes(dest)).isEqualTo(all);
        assertThat(file.requests().get(0).header("Range")).isEqualTo("bytes=40000-");
        // A whole file: the server answers 416 and the file stays as it is.
        host.run(cmd("Invoke-WebRequest", server.uri("/big.bin").toString(), p("OutFile", "big.bin"), sw("Resume")));
        assertThat(Files.readAllBytes(dest)).isEqualTo(all);
        // No file yet: a plain download.
        host.run(cmd("Invoke-WebRequest", server.uri("/big.bin").toString(), p("OutFile", "fresh.bin"), sw("Resume")));
        assertThat(Files.readAllBytes(dir.resolve("fresh.bin"))).isEqualTo(all);
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", server.uri("/big.bin").toString(), sw("Resume"))))
                .hasMessageContaining("the following parameter is missing: OutFile");
    }

    @Test
    void skipHttpErrorCheckReturnsTheErrorAnswer() {
        Object r = host.run(cmd("Invoke-WebRequest", server.uri("/missing").toString(), sw("SkipHttpErrorCheck"))).get(0);
        assertThat(Members.getProperty(r, "StatusCode")).isEqualTo(404);
    }

    @Test
    void maximumRetryCountRetriesAnErrorStatus() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "second time lucky");
        Resource flaky = server.resource("/flaky").file(dir.resolve("f.txt")).failOnce(503);
        assertThat(content(host.run(cmd("Invoke-WebRequest", server.uri("/flaky").toString(), p("MaximumRetryCount", 1),
                p("RetryIntervalSec", 1))).get(0))).isEqualTo("second time lucky");
        assertThat(flaky.count("GET")).isEqualTo(2);
        server.resource("/down").failAlways(503);
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", server.uri("/down").toString(),
                p("MaximumRetryCount", 1), p("RetryIntervalSec", 1)))).hasMessageContaining("503");
        assertThat(server.resource("/down").count("GET")).isEqualTo(2);
        assertThatThrownBy(() -> host.run(cmd("iwr", server.uri("/down").toString(), p("RetryIntervalSec", 0))))
                .hasMessageContaining("Cannot validate argument on parameter 'RetryIntervalSec'. The 0 argument");
    }

    @Test
    void proxyAndProxyCredentialRouteTheRequest() throws Exception {
        try (FaultServer proxy = FaultServer.start()) {
            Files.writeString(dir.resolve("p.txt"), "via proxy");
            proxy.resource("/p").file(dir.resolve("p.txt"));
            proxy.requireProxyBasic("pat", "pw");
            String target = "http://downloads.example.invalid/p";
            String proxyUri = "http://127.0.0.1:" + proxy.port();
            assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", target, p("Proxy", proxyUri))))
                    .hasMessageContaining("407");
            Object r = host.run(cmd("Invoke-WebRequest", target, p("Proxy", proxyUri),
                    p("ProxyCredential", new PSCredential("pat", "pw".toCharArray())))).get(0);
            assertThat(content(r)).isEqualTo("via proxy");
            assertThat(proxy.resource("/p").requests().get(0).viaProxy()).isTrue();
            assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", target, p("Proxy", proxyUri), sw("NoProxy"))))
                    .hasMessageContaining("Parameter set cannot be resolved");
        }
    }

    @Test
    void disableKeepAliveAsksTheServerToClose() throws Exception {
        Files.writeString(dir.resolve("k.txt"), "k");
        server.resource("/k").file(dir.resolve("k.txt"));
        host.run(cmd("Invoke-WebRequest", server.uri("/k").toString(), sw("DisableKeepAlive")));
        assertThat(server.resource("/k").requests().get(0).header("Connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void inFileCustomMethodAndUseDefaultCredentialsShapeTheRequest() throws Exception {
        Files.writeString(dir.resolve("payload.json"), "{\"a\":1}");
        assertThat(host.run(cmd("Invoke-RestMethod", echoUri("/x"), p("Method", "Post"), p("InFile", "payload.json"),
                p("ContentType", "application/json"), sw("UseDefaultCredentials")))).containsExactly("POST|null|{\"a\":1}");
        assertThat(host.run(cmd("irm", echoUri("/x"), p("CustomMethod", "PROPFIND")))).containsExactly("PROPFIND|null|");
        assertThat(host.run(cmd("irm", echoUri("/x"), p("CM", "REPORT")))).containsExactly("REPORT|null|");
        assertThatThrownBy(() -> host.run(cmd("irm", echoUri("/x"), p("CustomMethod", "BAD METHOD"))))
                .hasMessage("The custom method 'BAD METHOD' is not a valid HTTP method.");
        assertThatThrownBy(() -> host.run(cmd("irm", echoUri("/x"), p("InFile", "payload.json"), p("Body", "x"))))
                .hasMessageContaining("conflicting parameters are specified: Body and InFile");
        assertThatThrownBy(() -> host.run(cmd("irm", echoUri("/x"), p("InFile", "nope.json"))))
                .hasMessageContaining("nope.json' because it does not exist");
    }

    @Test
    void authenticationSendsBasicOrBearerOnlyWhereAllowed() {
        PSCredential cred = new PSCredential("alice", "s3cret".toCharArray());
        assertThatThrownBy(() -> host.run(cmd("irm", echoUri("/x"), p("Authentication", "Basic"), p("Credential", cred))))
                .hasMessageContaining("cannot protect plain text secrets sent over unencrypted connections");
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(host.run(cmd("irm", echoUri("/x"), p("Authentication", "Basic"), p("Credential", cred),
                sw("AllowUnencryptedAuthentication")))).containsExactly("GET|" + basic + "|");
        SecureString token = new SecureString("t0k3n".toCharArray());
        assertThat(host.run(cmd("irm", echoUri("/x"), p("Authentication", "Bearer"), p("Token", token),
                sw("AllowUnencryptedAuthentication")))).containsExactly("GET|Bearer t0k3n|");
        assertThatThrownBy(() -> host.run(cmd("irm", echoUri("/x"), p("Authentication", "Bearer"),
                sw("AllowUnencryptedAuthentication")))).hasMessageContaining("the following parameter is missing: Token");
    }

    @Test
    void formSendsMultipartFieldsAndFiles() throws Exception {
        Files.writeString(dir.resolve("pic.bin"), "PICTURE-BYTES");
        Object file = host.run(cmd("Get-Item", "pic.bin")).get(0);
        org.drizzle.cmdlets.lang.Hashtable form = new org.drizzle.cmdlets.lang.Hashtable();
        form.put("firstName", "John");
        form.put("avatar", file);
        form.put("hobbies", new Object[] {"Hiking", "Fishing"});
        String body = (String) host.run(cmd("Invoke-RestMethod", echoUri("/x"), p("Method", "Post"), p("Form", form))).get(0);
        assertThat(body).startsWith("POST|null|").contains("name=\"firstName\"").contains("John")
                .contains("name=\"avatar\"; filename=\"pic.bin\"").contains("PICTURE-BYTES")
                .contains("Hiking").contains("Fishing");
        assertThat(body.split("name=\"hobbies\"", -1)).hasSize(3);
        assertThatThrownBy(() -> host.run(cmd("irm", echoUri("/x"), p("Form", form), p("Body", "x"))))
                .hasMessageContaining("conflicting parameters are specified: Body and Form");
    }

    @Test
    void sessionVariableKeepsCookiesAndHeadersForWebSession() {
        org.drizzle.cmdlets.lang.Hashtable h = new org.drizzle.cmdlets.lang.Hashtable();
        h.put("X-Api", "key1");
        host.run(cmd("Invoke-WebRequest", echoUri("/login"), p("SessionVariable", "s"), p("Headers", h)));
        Object session = host.variables.get("s");
        assertThat(session).isInstanceOf(WebRequestSession.class);
        assertThat(org.drizzle.cmdlets.lang.Members.getProperty(
                org.drizzle.cmdlets.lang.Members.getProperty(session, "Cookies"), "Count")).isEqualTo(1);
        assertThat(host.run(cmd("Invoke-RestMethod", echoUri("/me"), p("WebSession", session))))
                .containsExactly("sid=abc123|key1");
        assertThat(host.run(cmd("Invoke-RestMethod", echoUri("/me")))).containsExactly("null|null");
        assertThatThrownBy(() -> host.run(cmd("irm", echoUri("/me"), p("WebSession", session), p("SV", "t"))))
                .hasMessageContaining("conflicting parameters");
    }

    @Test
    void statusCodeAndResponseHeadersVariablesAreSet() {
        host.run(cmd("Invoke-RestMethod", echoUri("/x"), p("StatusCodeVariable", "code"), p("RHV", "hdrs")));
        assertThat(host.variables.get("code")).isEqualTo(200);
        assertThat(((Map<?, ?>) host.variables.get("hdrs")).get("Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void timeoutsEndAStalledAnswerInPowerShellsWords() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", echoUri("/stall"), p("OperationTimeoutSeconds", 1))))
                .isInstanceOf(CommandException.class).hasMessageStartingWith("The operation has timed out")
                .hasMessageNotContaining("java");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3500);
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", echoUri("/stall"), p("TimeoutSec", 1))))
                .hasMessageStartingWith("The operation has timed out");
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", "http://127.0.0.1:1/x")))
                .hasMessage("Connection refused (127.0.0.1:1)");
    }
}
