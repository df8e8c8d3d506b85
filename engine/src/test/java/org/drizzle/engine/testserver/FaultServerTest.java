package org.drizzle.engine.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test server itself behaves as documented, checked with the JDK's own HTTP client. */
class FaultServerTest {
    private final FaultServer server = FaultServer.start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesWholeAndRangedContentWithValidators() throws Exception {
        Resource r = server.resource("/a").generated(100_000);
        HttpResponse<byte[]> whole = get("/a");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(r.content().bytes());
        assertThat(whole.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).startsWith("\""));
        String etag = whole.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> part = get("/a", "Range", "bytes=1000-1999", "If-Range", etag);
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 1000-1999/100000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(r.content().bytes(), 1000, 2000));

        assertThat(get("/a", "Range", "bytes=1000-", "If-Range", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get("/a", "Range", "bytes=200000-").statusCode()).isEqualTo(416);
        assertThat(r.bytesServed()).isEqualTo(100_000 + 1000 + 100_000);
    }

    @Test
    void headDeclaresSizeWithoutBody() throws Exception {
        server.resource("/h").generated(12345);
        HttpResponse<Void> head = client.send(HttpRequest.newBuilder(server.uri("/h"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.headers().firstValue("Content-Length")).contains("12345");
        assertThat(server.resource("/h").bytesServed()).isZero();
    }

    @Test
    void cutsTheConnectionOnceThenServesNormally() throws Exception {
        Resource r = server.resource("/cut").generated(500_000).resetAfter(100_000);
        assertThatThrownBy(() -> get("/cut")).isInstanceOf(IOException.class);
        assertThat(r.bytesServed()).isEqualTo(100_000);
        assertThat(get("/cut").body()).isEqualTo(r.content().bytes());
    }

    @Test
    void injectsStatusesAndRedirects() throws Exception {
        server.resource("/s").fail(503, 2);
        assertThat(get("/s").statusCode()).isEqualTo(503);
        assertThat(get("/s").statusCode()).isEqualTo(503);
        assertThat(get("/s").statusCode()).isEqualTo(200);
        server.resource("/r").redirectTo("/s");
        HttpResponse<byte[]> redirect = get("/r");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).contains("/s");
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void withoutRangeSupportAlwaysSendsEverything() throws Exception {
        Resource r = server.resource("/nr").generated(10_000).ranges(false).contentLength(false).etag(Etag.NONE);
        HttpResponse<byte[]> response = get("/nr", "Range", "bytes=5000-");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(10_000);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(r.requests()).hasSize(1);
    }

    @Test
    void changesTheResourceAfterServingSomeBytes() throws Exception {
        Resource r = server.resource("/c").generated(50_000).changeAfter(10_000);
        String first = get("/c").headers().firstValue("ETag").orElseThrow();
        String second = get("/c").headers().firstValue("ETag").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(r.content().length()).isEqualTo(50_000);
    }

    @Test
    void answersAbsoluteRequestTargetsLikeAProxy() throws Exception {
        server.resource("/p").generated(10);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET http://example.invalid/p HTTP/1.1\r\nHost: example.invalid\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
        }
        assertThat(server.resource("/p").requests()).singleElement().satisfies(r -> assertThat(r.viaProxy()).isTrue());
    }

    @Test
    void pacesSlowResources() throws Exception {
        server.resource("/slow").generated(40_000).slow(100_000);
        long t0 = System.nanoTime();
        get("/slow");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void demandsBasicCredentials() throws Exception {
        server.resource("/auth").requireBasic("alice", "s3cret");
        assertThat(get("/auth").statusCode()).isEqualTo(401);
        String token = java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(get("/auth", "Authorization", "Basic " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void startsTlsWithAGeneratedCertificate() {
        try (FaultServer tls = FaultServer.builder().tls(TestCertificates.Kind.LOCALHOST).start()) {
            assertThat(tls.uri("/x").getScheme()).isEqualTo("https");
            assertThat(tls.httpUri("/x").getScheme()).isEqualTo("http");
            assertThat(URI.create(tls.uri("/x").toString()).getPort()).isNotEqualTo(tls.port());
        }
    }
}
