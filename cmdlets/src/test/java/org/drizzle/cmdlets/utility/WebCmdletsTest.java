package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.dotnet.DotNetTypes;
import org.drizzle.cmdlets.dotnet.InstanceMembers;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invoke-WebRequest, Invoke-RestMethod and WebClient against the loopback fault server. */
class WebCmdletsTest {
    @TempDir
    Path dir;
    private FaultServer server;
    private TestHost host;

    @BeforeEach
    void start() {
        server = FaultServer.start();
        host = new TestHost(dir, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void outFileDownloadsTheWholeBodyAndOutputsNothing() throws Exception {
        Resource file = server.resource("/driver.zip").generated(300_000);
        List<Object> out = host.run(cmd("Invoke-WebRequest", p("Uri", server.uri("/driver.zip").toString()),
                p("OutFile", "driver.zip"), sw("UseBasicParsing"), p("TimeoutSec", 30)));
        assertThat(out).isEmpty();
        assertThat(GetFileHashCommand.digest(dir.resolve("driver.zip"), "SHA-256"))
                .isEqualToIgnoringCase(file.content().sha256());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("driver.zip"));
        }
    }

    @Test
    void aCutConnectionLeavesNoFileUnderTheOutFileName() throws Exception {
        server.resource("/big.bin").generated(200_000).resetAfter(50_000);
        assertThatThrownBy(() -> host.run(cmd("iwr", server.uri("/big.bin").toString(), p("OutFile", "big.bin"))))
                .isInstanceOf(CommandException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutOutFileReturnsStatusContentAndHeaders() throws Exception {
        Files.writeString(dir.resolve("page.txt"), "hello from loopback");
        server.resource("/page").file(dir.resolve("page.txt"));
        Hashtable headers = new Hashtable();
        headers.put("X-Script", "compat");
        Object r = host.run(cmd("Invoke-WebRequest", server.uri("/page").toString(), p("Headers", headers))).get(0);
        assertThat(Members.getProperty(r, "StatusCode")).isEqualTo(200);
        assertThat(Members.getProperty(r, "Content")).isEqualTo("hello from loopback");
        assertThat(((java.util.Map<?, ?>) Members.getProperty(r, "Headers")).get("content-length")).isEqualTo("19");
        assertThat(server.resource("/page").requests().get(0).header("X-Script")).isEqualTo("compat");
    }

    @Test
    void httpErrorIsATerminatingErrorNamingTheStatus() {
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", server.uri("/missing").toString(), p("OutFile", "x"))))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("Response status code does not indicate success: 404");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void credentialAnswersBasicAuthentication() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "ok");
        server.resource("/secret").file(dir.resolve("secret.txt")).requireBasic("alice", "s3cret");
        assertThatThrownBy(() -> host.run(cmd("Invoke-WebRequest", server.uri("/secret").toString())))
                .hasMessageContaining("401");
        PSCredential cred = new PSCredential("alice", "s3cret".toCharArray());
        Object r = host.run(cmd("Invoke-WebRequest", server.uri("/secret").toString(), p("Credential", cred))).get(0);
        assertThat(Members.getProperty(r, "Content")).isEqualTo("ok");
    }

    @Test
    void invokeRestMethodTurnsJsonIntoObjects() throws Exception {
        Files.writeString(dir.resolve("release.json"), "{\"tag_name\":\"v2.1\",\"assets\":[{\"name\":\"a.zip\",\"size\":10}]}");
        server.resource("/release").file(dir.resolve("release.json"));
        Object release = host.run(cmd("Invoke-RestMethod", server.uri("/release").toString())).get(0);
        assertThat(Members.getProperty(release, "tag_name")).isEqualTo("v2.1");
        assertThat(Members.getProperty(Members.getProperty(release, "assets"), "name")).isEqualTo("a.zip");
        Files.writeString(dir.resolve("plain.txt"), "just text");
        server.resource("/plain").file(dir.resolve("plain.txt"));
        assertThat(host.run(cmd("irm", server.uri("/plain").toString()))).containsExactly("just text");
    }

    @Test
    void webClientDownloadsThroughNewObject() throws Exception {
        Resource file = server.resource("/setup.exe").generated(70_000);
        Object client = host.run(cmd("New-Object", "System.Net.WebClient")).get(0);
        Path dest = dir.resolve("setup.exe");
        InstanceMembers.invokeMethod(client, "DownloadFile", List.of(server.uri("/setup.exe").toString(), dest.toString()));
        assertThat(GetFileHashCommand.digest(dest, "SHA-256")).isEqualToIgnoringCase(file.content().sha256());
        Files.writeString(dir.resolve("v.txt"), "1.2.3");
        server.resource("/v").file(dir.resolve("v.txt"));
        assertThat(InstanceMembers.invokeMethod(client, "DownloadString", List.of(server.uri("/v").toString())))
                .isEqualTo("1.2.3");
        assertThatThrownBy(() -> InstanceMembers.invokeMethod(client, "DownloadFile",
                List.of(server.uri("/nothing").toString(), dir.resolve("n").toString()))).hasMessageContaining("404");
        assertThat(dir.resolve("n")).doesNotExist();
        assertThat(DotNetTypes.require("System.Net.WebClient").isInstance(client)).isTrue();
    }

    @Test
    void cancellingAnInFlightDownloadLeavesNoFile() throws Exception {
        server.resource("/slow.bin").generated(2_000_000).slow(100_000);
        java.util.concurrent.atomic.AtomicReference<org.apache.hc.core5.concurrent.Cancellable> request =
                new java.util.concurrent.atomic.AtomicReference<>();
        Path dest = dir.resolve("slow.bin");
        var failure = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                HttpFetch.execute(HttpFetch.Request.get(server.uri("/slow.bin")), dest, request::set);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> request.get() != null && server.resource("/slow.bin").bytesServed() > 0);
        request.get().cancel();
        assertThat(failure.get(10, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
