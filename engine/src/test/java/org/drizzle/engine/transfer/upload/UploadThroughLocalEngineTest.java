package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.server.BitsServer;
import org.drizzle.engine.server.NotificationType;
import org.drizzle.engine.server.VirtualDirectory;
import org.drizzle.engine.transfer.Transports;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upload jobs through the real engine (store, scheduler, transports from the registry) against
 * the Drizzle server: the engine stops mid-upload and a new engine over the same store resumes
 * the server session from the stored offset.
 */
class UploadThroughLocalEngineTest {
    @TempDir
    Path tmp;
    Path root;
    BitsServer server;
    FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/upload", root)).build().start();
        proxy = new FaultProxy(server.baseUri());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    EngineClient engine() throws IOException {
        return LocalEngine.openClient(EngineConfig.builder(tmp.resolve("store")).build(), Principal.current());
    }

    Path source(int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(tmp.resolve("source-" + size + ".bin"), data);
    }

    @Test
    void theRegistryOffersTheUploadTransport() {
        assertThat(Transports.defaults(Throttle.UNLIMITED)).anyMatch(t -> t instanceof BitsUploadTransport);
    }

    @Test
    void engineRestartMidUploadResumesTheSameServerSession() throws IOException {
        Path src = source(3_000_000);
        proxy.fragmentDelayMillis = 150;
        JobId id;
        try (EngineClient client = engine()) {
            JobInfo job = client.createJob("logs", JobType.UPLOAD, new JobOptions().priority(Priority.FOREGROUND));
            id = job.id();
            client.addFile(id, proxy.uri("/upload/logs.bin").toString(), src.toString(), null);
            client.resume(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> client.getJob(id).files().get(0).bytesTransferred() > 0);
        }
        long stored;
        proxy.fragmentDelayMillis = 0;
        try (EngineClient client = engine()) {
            stored = client.getJob(id).files().get(0).bytesTransferred();
            assertThat(stored).isPositive().isLessThan(3_000_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> client.getJob(id).state() == JobState.TRANSFERRED);
            client.complete(id);
            assertThat(client.getJob(id).state()).isEqualTo(JobState.ACKNOWLEDGED);
        }
        assertThat(root.resolve("logs.bin")).hasSameBinaryContentAs(src);
        assertThat(proxy.count("Create-Session")).isEqualTo(1);
        assertThat(proxy.count("Ping")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void cancellingAnUploadMidSessionSendsCancelSessionAndTheServerDropsThePartialUpload() throws IOException {
        Path src = source(3_000_000);
        proxy.fragmentDelayMillis = 150;
        Path sessions = root.resolve("BITS-Sessions");
        try (EngineClient client = engine()) {
            JobInfo job = client.createJob("logs", JobType.UPLOAD, new JobOptions().priority(Priority.FOREGROUND));
            JobId id = job.id();
            client.addFile(id, proxy.uri("/upload/logs.bin").toString(), src.toString(), null);
            client.resume(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> client.getJob(id).files().get(0).bytesTransferred() > 0);
            assertThat(partialUploads(sessions)).isNotEmpty();

            assertThat(client.cancel(id).state()).isEqualTo(JobState.CANCELLED);
        }
        String session = proxy.packets.stream().filter(p -> p.type().equals("Fragment")).findFirst().orElseThrow().sessionId();
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.count("Cancel-Session") > 0);
        assertThat(proxy.packets).filteredOn(p -> p.type().equals("Cancel-Session"))
                .singleElement().satisfies(p -> {
                    assertThat(p.sessionId()).isEqualTo(session);
                    assertThat(p.status()).isEqualTo(200);
                });
        assertThat(partialUploads(sessions)).isEmpty();
        assertThat(root.resolve("logs.bin")).doesNotExist();
    }

    /** The servers' partial uploads: each session folder's request.bin. */
    private static java.util.List<Path> partialUploads(Path sessions) throws IOException {
        if (!Files.isDirectory(sessions)) {
            return java.util.List.of();
        }
        try (var files = Files.walk(sessions)) {
            return files.filter(f -> f.getFileName().toString().equals("request.bin")).toList();
        }
    }

    @Test
    void uploadReplyJobGetsItsReplyFile() throws IOException {
        server.close();
        try (var backEnd = new EchoBackEnd()) {
            server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/upload", root)
                    .withNotification(NotificationType.BY_VALUE, backEnd.uri())).build().start();
            Path src = source(10_000);
            try (EngineClient client = engine()) {
                JobInfo job = client.createJob("ask", JobType.UPLOAD_REPLY, new JobOptions().priority(Priority.FOREGROUND));
                client.addFile(job.id(), server.baseUri().resolve("/upload/q.bin").toString(), src.toString(), null);
                client.resume(job.id());
                await().atMost(Duration.ofSeconds(30)).until(() -> client.getJob(job.id()).state() == JobState.TRANSFERRED);
                assertThat(client.getReplyData(job.id())).isEqualTo(Files.readAllBytes(src));
                client.complete(job.id());
            }
        }
    }
}
