package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's Prometheus metrics end to end: service.json names a loopback address and a
 * textfile, real downloads run from a loopback server (one answered 503 first), and /metrics
 * is scraped over HTTP.
 */
class ServiceMetricsTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private ServiceConfig config(String serviceJson) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("service.json"), serviceJson);
        return ServiceConfig.defaults(ServiceMode.USER)
                .withPaths(dir.resolve("store"), dir.resolve("run/drizzle.sock"), etc)
                .withSessions("none", null, java.util.Set.of())
                .withNotify(Duration.ofSeconds(30), Duration.ofSeconds(2))
                .withFileSettings();
    }

    /** Sample lines of the text format, by "name{labels}" (labels as printed). */
    static Map<String, Double> samples(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void realDownloadsShowOnTheEndpointAndInTheTextfile() throws Exception {
        int port = freePort();
        Path prom = Files.createDirectories(dir.resolve("textfile")).resolve("drizzle.prom");
        ServiceConfig config = config("{\"metricsAddress\":\"127.0.0.1:" + port + "\",\"metricsTextfile\":\"" + prom + "\"}");
        assertThat(config.metrics().addressText()).isEqualTo("127.0.0.1:" + port);
        try (FaultServer http = FaultServer.start();
             ServiceFixture fx = new ServiceFixture(dir, config).start()) {
            http.resource("/plain-secret-path").generated(200_000);
            http.resource("/busy").generated(100_000).retryAfter("30").failOnce(503);
            assertThat(prom).exists();
            RemoteEngine remote = fx.connect();
            JobInfo a = remote.createJob("display-name-not-a-label", JobType.DOWNLOAD, new JobOptions()
                    .priority(Priority.FOREGROUND));
            remote.addFile(a.id(), http.uri("/plain-secret-path").toString(), dir.resolve("a.bin").toString(), null);
            remote.resume(a.id());
            JobInfo b = remote.createJob("busy", JobType.DOWNLOAD,
                    new JobOptions().priority(Priority.FOREGROUND).minimumRetryDelay(5));
            remote.addFile(b.id(), http.uri("/busy").toString(), dir.resolve("b.bin").toString(), null);
            remote.resume(b.id());
            await().atMost(Duration.ofSeconds(30)).until(() -> remote.getJob(b.id()).state() == JobState.TRANSIENT_ERROR);
            JobInfo busy = remote.getJob(b.id());
            assertThat(Duration.between(busy.modificationTime(), busy.nextRetryTime()))
                    .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(45));
            remote.resume(b.id());
            for (JobId id : List.of(a.id(), b.id())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> remote.getJob(id).state() == JobState.TRANSFERRED);
            }

            // Counters move on the event thread: wait for it.
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    samples(scrape(port)).getOrDefault("drizzle_files_transferred_total", 0.0) == 2.0);
            String text = scrape(port);
            Map<String, Double> s = samples(text);
            assertThat(s).containsEntry("drizzle_transferred_bytes_total{direction=\"download\",priority=\"foreground\"}", 300_000.0)
                    .containsEntry("drizzle_transferred_bytes_total{direction=\"download\",priority=\"low\"}", 0.0)
                    .containsEntry("drizzle_transfer_errors_total{hresult=\"0x801901F7\",transient=\"true\"}", 1.0)
                    .containsEntry("drizzle_retries_total", 1.0)
                    .containsEntry("drizzle_jobs{priority=\"foreground\",state=\"transferred\"}", 2.0)
                    .containsEntry("drizzle_jobs{priority=\"normal\",state=\"queued\"}", 0.0)
                    .containsEntry("drizzle_store_jobs", 2.0)
                    .containsEntry("drizzle_notify_runs_total{outcome=\"succeeded\"}", 0.0)
                    .containsEntry("drizzle_notify_runs_total{outcome=\"failed\"}", 0.0);
            assertThat(s.keySet()).anyMatch(k -> k.startsWith("drizzle_build_info{") && k.contains("version=\"0.")
                            && !k.contains("${"))
                    .anyMatch(k -> k.startsWith("drizzle_policy_info{"));
            assertThat(text).doesNotContain("display-name-not-a-label").doesNotContain("plain-secret-path")
                    .doesNotContain("127.0.0.1:" + http.port());
            remote.complete(a.id());
            remote.complete(b.id());
            fx.service.stop();
        }
        // The last write at stop: the final counts, a 0644 file, no temp file left beside it.
        Map<String, Double> file = samples(Files.readString(prom));
        assertThat(file).containsEntry("drizzle_files_transferred_total", 2.0)
                .containsEntry("drizzle_jobs{priority=\"foreground\",state=\"acknowledged\"}", 2.0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prom))).isEqualTo("rw-r--r--");
        try (var listing = Files.list(prom.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("drizzle.prom");
        }
        assertThatThrownBy(() -> scrape(port)).isInstanceOf(IOException.class);
    }

    @Test
    void badValuesAreRefusedNamingThem() throws Exception {
        for (String bad : List.of("example.org:9464", "127.0.0.1", "127.0.0.1:99999", "::1:9464", "300.1.1.1:80", "127.0.0.1:x")) {
            assertThatThrownBy(() -> config("{\"metricsAddress\":\"" + bad + "\"}"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("metricsAddress '" + bad + "' is not valid");
        }
        assertThatThrownBy(() -> config("{\"metricsTextfile\":\"relative/drizzle.prom\"}"))
                .hasMessageContaining("metricsTextfile 'relative/drizzle.prom'");
        assertThat(config("{\"metricsAddress\":\"[::1]:9464\"}").metrics().addressText()).isEqualTo("[0:0:0:0:0:0:0:1]:9464");
        assertThat(config("{}").metrics().enabled()).isFalse();
    }

    @Test
    void anAddressInUseFailsTheStartNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ServiceConfig config = config("{\"metricsAddress\":\"127.0.0.1:" + taken.getLocalPort() + "\"}");
            DrizzleService service = new DrizzleService(config, LocalEngineHost.factory());
            assertThatThrownBy(service::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("metrics address 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageNotContaining("java.");
            assertThat(service.state()).isEqualTo(ServiceState.FAILED);
        }
    }
}
