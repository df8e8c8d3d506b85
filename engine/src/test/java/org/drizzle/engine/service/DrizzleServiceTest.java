package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service end to end in one process: real socket, real store, real HTTP download. */
class DrizzleServiceTest {

    @Test
    void downloadsThroughTheSocketWithEventsAndStopsCleanly(@TempDir Path dir) throws Exception {
        try (FaultServer http = FaultServer.start();
             ServiceFixture fx = new ServiceFixture(dir, ServiceMode.USER).start()) {
            var resource = http.resource("/data.bin").generated(300_000);
            assertThat(fx.service.state()).isEqualTo(ServiceState.RUNNING);
            RemoteEngine remote = fx.connect();
            assertThat(remote.caller().name()).isEqualTo(System.getProperty("user.name"));

            List<JobEvent> events = new CopyOnWriteArrayList<>();
            Subscription sub = remote.subscribe(events::add);
            JobInfo job = remote.createJob("svc", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
            Path dest = dir.resolve("out.bin");
            remote.addFile(job.id(), http.uri("/data.bin").toString(), dest.toString(), null);
            remote.resume(job.id());
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .anyMatch(e -> e.kind() == JobEvent.Kind.TRANSFERRED && e.job().id().equals(job.id())));
            CompleteResult done = remote.complete(job.id());
            assertThat(done.job().state()).isEqualTo(JobState.ACKNOWLEDGED);
            assertThat(sha256(dest)).isEqualTo(resource.content().sha256());
            assertThat(events).anyMatch(e -> e.kind() == JobEvent.Kind.MODIFICATION);
            sub.close();

            assertThatThrownBy(() -> remote.getJob(org.drizzle.engine.job.JobId.random()))
                    .isInstanceOfSatisfying(BitsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_NOT_FOUND));

            fx.service.stop();
            assertThat(fx.service.state()).isEqualTo(ServiceState.TERMINATED);
            assertThat(fx.config.socket()).doesNotExist();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> remote.listJobs(false))
                    .isInstanceOfSatisfying(BitsException.class, e -> {
                        assertThat(e.code()).isEqualTo(Protocol.RPC_E_DISCONNECTED);
                        assertThat(e.getMessage()).contains("Drizzle service");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSecondServiceOnTheSameSocketFailsToStart(@TempDir Path dir) throws Exception {
        try (ServiceFixture first = new ServiceFixture(dir.resolve("a"), ServiceMode.USER).start()) {
            ServiceConfig same = first.config.withPaths(dir.resolve("b/store"), first.config.socket(), dir.resolve("b/etc"));
            DrizzleService second = new DrizzleService(same, LocalEngineHost.factory());
            assertThatThrownBy(second::start).hasMessageContaining("already answers");
            assertThat(second.state()).isEqualTo(ServiceState.FAILED);
            assertThat(first.connect().listJobs(false)).isEmpty();
        }
    }

    @Test
    void anIdlePerUserServiceStopsItself(@TempDir Path dir) throws Exception {
        ServiceConfig quick = new ServiceFixture(dir, ServiceMode.USER).config.withIdleExit(Duration.ofMillis(800));
        try (ServiceFixture fx = new ServiceFixture(dir, quick).start()) {
            try (RemoteEngine client = fx.connect()) {
                JobInfo job = client.createJob("kept", JobType.DOWNLOAD, new JobOptions());
                Thread.sleep(1500); // a connected client keeps it running
                assertThat(fx.service.state()).isEqualTo(ServiceState.RUNNING);
                assertThat(client.getJob(job.id()).state()).isEqualTo(JobState.SUSPENDED);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.service.state() == ServiceState.TERMINATED);
            assertThat(fx.config.socket()).doesNotExist();
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
