package org.drizzle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet URL against a real loopback HTTP server: ETag revalidation, disk cache, rejection. */
class FleetPolicySourceTest {
    @TempDir
    Path cache;
    HttpServer server;
    final AtomicReference<String> body = new AtomicReference<>("{\"MaxJobsPerUser\": 12}");
    final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    URI url;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/policy.json", exchange -> {
            String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(sent));
            if (etag.get().equals(sent)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag.get());
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/policy.json");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void fetchesRevalidatesWithEtagAndKeepsTheCacheAcrossRestartsWithoutNetwork() throws Exception {
        try (FleetPolicySource fleet = new FleetPolicySource(url, cache)) {
            assertThat(fleet.load().values()).isEmpty();
            assertThat(fleet.fetch()).isEqualTo(FleetPolicySource.Outcome.UPDATED);
            assertThat(PolicySnapshot.of(List.of(fleet.load())).maxJobsPerUser()).isEqualTo(new Setting<>(12L, PolicySource.FLEET));
            assertThat(fleet.fetch()).isEqualTo(FleetPolicySource.Outcome.NOT_MODIFIED);
            assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");

            body.set("{\"MaxJobsPerUser\": 99999999999}");
            etag.set("\"v2\"");
            assertThat(fleet.fetch()).isEqualTo(FleetPolicySource.Outcome.REJECTED);
            assertThat(PolicySnapshot.of(List.of(fleet.load())).maxJobsPerUser().value()).isEqualTo(12L);
        }
        server.stop(0);
        try (FleetPolicySource restarted = new FleetPolicySource(url, cache)) {
            assertThat(restarted.fetch()).isEqualTo(FleetPolicySource.Outcome.FAILED);
            assertThat(PolicySnapshot.of(List.of(restarted.load())).maxJobsPerUser().value()).isEqualTo(12L);
        }
    }

    @Test
    void managerAppliesAFetchedPolicy() throws Exception {
        try (PolicyManager manager = new PolicyManager(List.of(new FleetPolicySource(url, cache)))) {
            manager.start();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> manager.current().maxJobsPerUser().value() == 12L);
        }
    }

    @Test
    void plainHttpIsOnlyForLoopback() {
        assertThatThrownBy(() -> new FleetPolicySource(URI.create("http://policy.example.org/p.json"), cache))
                .hasMessageContaining("must use https");
    }
}
