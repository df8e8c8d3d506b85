package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL the service process mid-transfer: clients fail fast, the restarted service finishes the job intact. */
class ServiceCrashTest {

    static Process startService(Path dir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ServiceMain.class.getName(), "run", "--user", "--socket", dir.resolve("s.sock").toString(),
                "--store", dir.resolve("store").toString(), "--config", dir.resolve("etc").toString(),
                "--session-source", "none"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile()).start();
    }

    static RemoteEngine connectWhenUp(Path dir) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> RemoteEngine.connect(dir.resolve("s.sock")), r -> r != null);
    }

    @Test
    void killedServiceLosesNoBytesAndClientsGetAClearError(@TempDir Path dir) throws Exception {
        try (FaultServer http = FaultServer.start()) {
            var resource = http.resource("/big.bin").generated(1_500_000).slow(400_000);
            Path dest = dir.resolve("big.bin");
            Process service = startService(dir);
            try {
                RemoteEngine client = connectWhenUp(dir);
                JobInfo job = client.createJob("crash", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
                client.addFile(job.id(), http.uri("/big.bin").toString(), dest.toString(), null);
                client.resume(job.id());
                await().atMost(Duration.ofSeconds(20)).until(() -> client.getJob(job.id()).progress().bytesTransferred() > 300_000);

                service.destroyForcibly();
                assertThat(service.waitFor(10, TimeUnit.SECONDS)).isTrue();
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> client.getJob(job.id())).isInstanceOfSatisfying(BitsException.class, e -> {
                    assertThat(e.code()).isEqualTo(Protocol.RPC_E_DISCONNECTED);
                    assertThat(e.getMessage()).contains("Lost the connection to the Drizzle service");
                });
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));

                service = startService(dir);
                RemoteEngine again = connectWhenUp(dir);
                await().atMost(Duration.ofSeconds(30)).until(() -> again.getJob(job.id()).state() == JobState.TRANSFERRED);
                again.complete(job.id());
                assertThat(DrizzleServiceTest.sha256(dest)).isEqualTo(resource.content().sha256());
                // it resumed rather than starting over: less than the whole file was served twice
                assertThat(resource.bytesServed()).isLessThan(2 * 1_500_000L);
                again.stopService();
                assertThat(service.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(service.exitValue()).isZero();
                assertThat(Files.exists(dir.resolve("s.sock"))).isFalse();
            } finally {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void sigtermStopsTransfersAtADurablePointAndTheJobFinishesAfterRestart(@TempDir Path dir) throws Exception {
        try (FaultServer http = FaultServer.start()) {
            var resource = http.resource("/big.bin").generated(1_200_000).slow(400_000);
            Path dest = dir.resolve("big.bin");
            Process service = startService(dir);
            try {
                RemoteEngine client = connectWhenUp(dir);
                JobInfo job = client.createJob("term", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
                client.addFile(job.id(), http.uri("/big.bin").toString(), dest.toString(), null);
                client.resume(job.id());
                await().atMost(Duration.ofSeconds(20)).until(() -> client.getJob(job.id()).progress().bytesTransferred() > 200_000);

                service.destroy(); // SIGTERM
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(Files.readString(dir.resolve("service.log"))).contains("Drizzle service stopped");
                assertThat(dir.resolve("s.sock")).doesNotExist();

                service = startService(dir);
                RemoteEngine again = connectWhenUp(dir);
                JobInfo resumed = again.getJob(job.id());
                assertThat(resumed.progress().bytesTransferred()).isGreaterThan(0);
                await().atMost(Duration.ofSeconds(30)).until(() -> again.getJob(job.id()).state() == JobState.TRANSFERRED);
                again.complete(job.id());
                assertThat(DrizzleServiceTest.sha256(dest)).isEqualTo(resource.content().sha256());
                again.stopService();
                assertThat(service.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                service.destroyForcibly();
            }
        }
    }
}
