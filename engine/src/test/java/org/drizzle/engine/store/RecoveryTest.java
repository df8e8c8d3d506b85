package org.drizzle.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.schedule.GeneratedTransport;
import org.drizzle.engine.transfer.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up recovery on a real store: what a crash leaves behind is repaired before scheduling. */
class RecoveryTest {
    @TempDir
    Path dir;

    @Test
    void tempFilesAreCutBackToTheRecordedLengthAndActiveJobsRequeued() throws Exception {
        Path store = dir.resolve("store");
        Path temp = dir.resolve(".BIT00C0FFEE.tmp");
        Path local = dir.resolve("f.bin");
        Owner me = new Owner(org.drizzle.engine.identity.Principal.current().uid(), "me");
        Job job = new Job(JobId.random(), "crashed", JobType.DOWNLOAD, me, Instant.now(), 1);
        job.files().add(new JobFile(GeneratedTransport.gen(300_000), local.toString(), List.of(), temp.toString()));
        job.files().get(0).bytesTransferred(100_000);
        job.transition(JobState.QUEUED, Instant.now());
        job.transition(JobState.CONNECTING, Instant.now());
        job.transition(JobState.TRANSFERRING, Instant.now());
        job.everResumed(true);
        try (JobStore s = JobStore.open(store)) {
            s.save(job, null);
        }
        // 100 000 good bytes, then garbage a crash left after the last checkpoint.
        byte[] good = new byte[100_000];
        for (int i = 0; i < good.length; i++) {
            good[i] = (byte) (i % 251);
        }
        Files.write(temp, good);
        Files.write(temp, new byte[50_000], StandardOpenOption.APPEND);

        GeneratedTransport gen = new GeneratedTransport();
        gen.pauseMillis = 1000;
        try (EngineFixture fx = new EngineFixture(store, b -> b.transports(List.<Transport>of(gen)))) {
            EngineClient c = fx.client();
            JobInfo info = c.getJob(job.id());
            assertThat(info.state()).isIn(JobState.QUEUED, JobState.CONNECTING, JobState.TRANSFERRING);
            assertThat(info.files().get(0).bytesTransferred()).isGreaterThanOrEqualTo(100_000);
            gen.pauseMillis = 0;
            fx.awaitState(c, job.id(), JobState.TRANSFERRED);
            c.complete(job.id());
        }
        byte[] all = Files.readAllBytes(local);
        assertThat(all).hasSize(300_000);
        for (int i = 0; i < all.length; i++) {
            if (all[i] != (byte) (i % 251)) {
                throw new AssertionError("byte " + i + " is spliced garbage");
            }
        }
    }

    @Test
    void aMissingTempFileRestartsThatFileAndACrashedCompleteIsAdopted() throws Exception {
        Path store = dir.resolve("store");
        Owner me = new Owner(org.drizzle.engine.identity.Principal.current().uid(), "me");
        Job lost = new Job(JobId.random(), "lost temp", JobType.DOWNLOAD, me, Instant.now(), 1);
        lost.files().add(new JobFile(GeneratedTransport.gen(1000), dir.resolve("a").toString(), List.of(),
                dir.resolve(".BIT0000000A.tmp").toString()));
        lost.files().get(0).bytesTransferred(500);
        Job renamed = new Job(JobId.random(), "renamed before crash", JobType.DOWNLOAD, me, Instant.now(), 2);
        renamed.files().add(new JobFile(GeneratedTransport.gen(1000), dir.resolve("b").toString(), List.of(),
                dir.resolve(".BIT0000000B.tmp").toString()));
        renamed.files().get(0).bytesTotal(1000);
        renamed.files().get(0).bytesTransferred(1000);
        renamed.files().get(0).completed(true);
        renamed.transition(JobState.QUEUED, Instant.now());
        renamed.transition(JobState.TRANSFERRED, Instant.now());
        Files.write(dir.resolve("b"), new byte[1000]);
        try (JobStore s = JobStore.open(store)) {
            s.save(lost, null);
            s.save(renamed, null);
        }
        try (EngineFixture fx = new EngineFixture(store, b -> b.transports(List.<Transport>of(new GeneratedTransport())))) {
            EngineClient c = fx.client();
            assertThat(c.getJob(lost.id()).files().get(0).bytesTransferred()).isZero();
            assertThat(c.complete(renamed.id()).job().state()).isEqualTo(JobState.ACKNOWLEDGED);
            assertThat(Files.size(dir.resolve("b"))).isEqualTo(1000);
        }
    }
}
