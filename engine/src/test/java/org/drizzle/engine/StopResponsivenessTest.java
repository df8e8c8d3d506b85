package org.drizzle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;

/**
 * Suspend and Cancel take effect within about a second even while the HTTP read is blocked on
 * a server that sends 512 bytes every 6.4 seconds (the stop aborts the in-flight request), and
 * the temp file stays consistent: the suspended job later resumes to the exact source bytes.
 */
class StopResponsivenessTest extends LoopbackEngineTest {
    /** A Foreground job on a resource paced to ~80 bytes/s (512 bytes every 6.4 s, inside the fixture's 10 s read timeout), started and blocked in a read. */
    private JobInfo startBlocked(String path, Resource r, Path local) throws InterruptedException {
        JobInfo job = client.createJob("slow " + path, JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
        client.addFile(job.id(), server.uri(path).toString(), local.toString(), null);
        client.resume(job.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> r.bytesServed() > 0);
        // The first 512 bytes went out; the next follow in ~6 s, so the worker now sits in a blocking read.
        Thread.sleep(300);
        assertThat(fx.engine.scheduler().isRunning(job.id())).isTrue();
        return job;
    }

    @Test
    void suspendAbortsABlockedReadAndTheJobResumesToTheExactBytes() throws Exception {
        Resource r = server.resource("/s.bin").generated(200_000).slow(80);
        Path local = dir.resolve("s.bin");
        JobInfo job = startBlocked("/s.bin", r, local);

        long t0 = System.nanoTime();
        client.suspend(job.id());
        await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(20))
                .until(() -> !fx.engine.scheduler().isRunning(job.id()));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1500);
        assertThat(client.getJob(job.id()).state()).isEqualTo(JobState.SUSPENDED);

        r.slow(0);
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        client.complete(job.id());
        assertThat(LocalEngineLifecycleTest.sha256(local)).isEqualTo(r.content().sha256());
    }

    @Test
    void cancelReturnsPromptlyAndDeletesTheTempFile() throws Exception {
        Resource r = server.resource("/c.bin").generated(200_000).slow(80);
        Path local = dir.resolve("c.bin");
        JobInfo job = startBlocked("/c.bin", r, local);
        Path temp = Path.of(client.getJob(job.id()).files().get(0).temporaryName());

        long t0 = System.nanoTime();
        client.cancel(job.id());
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(tookMillis).as("cancel waited for the blocked read").isLessThan(1500);
        assertThat(client.getJob(job.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(fx.engine.scheduler().isRunning(job.id())).isFalse();
        assertThat(temp).doesNotExist();
        assertThat(local).doesNotExist();
    }
}
