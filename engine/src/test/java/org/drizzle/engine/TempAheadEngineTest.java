package org.drizzle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;

/**
 * The next file's temp file is created while the current one transfers: what that may never
 * change. Cancel leaves no temp file behind, a link planted at a temp name is never followed,
 * and a job stopped between files finishes every file byte for byte when it runs again.
 */
class TempAheadEngineTest extends LoopbackEngineTest {
    private JobInfo job(String... paths) {
        JobInfo job = client.createJob("ahead", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
        for (String p : paths) {
            job = client.addFile(job.id(), server.uri(p).toString(), dir.resolve(p.substring(1)).toString(), null);
        }
        return job;
    }

    private static List<Path> temps(JobInfo job) {
        return job.files().stream().map(f -> Path.of(f.temporaryName())).toList();
    }

    @Test
    void cancelDeletesTheTempFileOpenedAheadOfAFileThatNeverStarted() throws Exception {
        server.resource("/a").generated(10_000);
        server.resource("/b").failAlways(404);
        server.resource("/c").generated(10_000);
        server.resource("/d").generated(10_000);
        JobInfo job = job("/a", "/b", "/c", "/d");
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.ERROR);
        // /b failed: /c's temp file was created ahead of it, /d's never.
        assertThat(temps(job).get(2)).exists();
        assertThat(temps(job).get(3)).doesNotExist();
        client.cancel(job.id());
        assertThat(temps(job)).allSatisfy(t -> assertThat(t).doesNotExist());
        try (var left = Files.list(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith(".BIT"))).isEmpty();
        }
    }

    @Test
    void aLinkAtTheNextTempNameIsNeverFollowed() throws Exception {
        Resource a = server.resource("/a").generated(20_000);
        Resource b = server.resource("/b").generated(30_000);
        JobInfo job = job("/a", "/b");
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "keep me");
        Files.createSymbolicLink(temps(job).get(1), victim);
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(temps(job).get(1))).isFalse();
        client.complete(job.id());
        assertThat(LocalEngineLifecycleTest.sha256(dir.resolve("a"))).isEqualTo(a.content().sha256());
        assertThat(LocalEngineLifecycleTest.sha256(dir.resolve("b"))).isEqualTo(b.content().sha256());
    }

    @Test
    void aJobStoppedBetweenFilesFinishesEveryFileWhenItRunsAgain() throws Exception {
        Resource a = server.resource("/a").generated(10_000);
        Resource b = server.resource("/b").generated(10_000).fail(404, 1);
        Resource c = server.resource("/c").generated(10_000);
        JobInfo job = job("/a", "/b", "/c");
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.ERROR);
        assertThat(Files.size(temps(job).get(2))).isZero();
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        client.complete(job.id());
        assertThat(LocalEngineLifecycleTest.sha256(dir.resolve("a"))).isEqualTo(a.content().sha256());
        assertThat(LocalEngineLifecycleTest.sha256(dir.resolve("b"))).isEqualTo(b.content().sha256());
        assertThat(LocalEngineLifecycleTest.sha256(dir.resolve("c"))).isEqualTo(c.content().sha256());
        assertThat(Files.exists(temps(job).get(2), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
