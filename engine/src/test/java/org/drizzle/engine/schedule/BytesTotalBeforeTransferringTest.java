package org.drizzle.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As in BITS, a job shows TRANSFERRING only once its size is known: scripts read BytesTotal as
 * soon as the state changes and poll BytesTransferred up to it (Ashley McGlone's loop).
 */
class BytesTotalBeforeTransferringTest {
    @Test
    void bytesTotalIsKnownOnceTheJobIsTransferring(@TempDir Path dir) throws Exception {
        try (FaultServer http = FaultServer.start(); EngineFixture fx = new EngineFixture(dir.resolve("store"))) {
            http.resource("/slow.bin").generated(600_000).slow(200_000);
            EngineClient c = fx.client();
            JobInfo job = c.createJob("size", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
            c.addFile(job.id(), http.uri("/slow.bin").toString(), dir.resolve("slow.bin").toString(), null);
            c.resume(job.id());
            JobInfo transferring = fx.awaitState(c, job.id(), JobState.TRANSFERRING);
            assertThat(transferring.progress().bytesTransferred()).isLessThan(600_000);
            assertThat(transferring.progress().bytesTotal()).isEqualTo(600_000);
            assertThat(transferring.files().get(0).bytesTotal()).isEqualTo(600_000);
        }
    }
}
