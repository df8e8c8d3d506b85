package org.drizzle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;

/**
 * Whole-engine behaviour over the real HTTP transport against the loopback fault server: the
 * BITS life cycle (SUSPENDED → QUEUED → CONNECTING → TRANSFERRING → TRANSFERRED → ACKNOWLEDGED,
 * and the ERROR / TRANSIENT_ERROR / CANCELLED branches), events, and where the bytes live.
 */
class LocalEngineLifecycleTest extends LoopbackEngineTest {
    private JobInfo newJob(String path, Resource r, Path local) {
        JobInfo job = client.createJob("test " + path, JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
        return client.addFile(job.id(), server.uri(path).toString(), local.toString(), null);
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void downloadsIntoHiddenTempAndCommitsOnlyOnComplete() throws Exception {
        Resource r = server.resource("/a.bin").generated(3 * 1024 * 1024 + 17);
        Path local = dir.resolve("a.bin");
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        client.subscribe(events::add);
        JobInfo job = newJob("/a.bin", r, local);
        assertThat(job.state()).isEqualTo(JobState.SUSPENDED);
        String temp = job.files().get(0).temporaryName();
        assertThat(Path.of(temp).getFileName().toString()).matches("\\.BIT[0-9A-F]{8}\\.tmp");
        assertThat(Path.of(temp).getParent()).isEqualTo(dir);

        client.resume(job.id());
        JobInfo done = fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        assertThat(local).doesNotExist();
        assertThat(Path.of(temp)).exists();
        assertThat(done.progress().bytesTotal()).isEqualTo(r.content().length());
        assertThat(done.progress().bytesTransferred()).isEqualTo(r.content().length());
        assertThat(done.progress().filesTransferred()).isEqualTo(1);
        assertThat(done.transferCompletionTime()).isNotNull();

        CompleteResult result = client.complete(job.id());
        assertThat(result.status()).isEqualTo(ErrorCodes.S_OK);
        assertThat(result.job().state()).isEqualTo(JobState.ACKNOWLEDGED);
        assertThat(sha256(local)).isEqualTo(r.content().sha256());
        assertThat(Path.of(temp)).doesNotExist();
        // Final jobs leave enumeration but stay readable by id for the retention period.
        assertThat(client.listJobs(false)).extracting(JobInfo::id).doesNotContain(job.id());
        assertThat(client.getJob(job.id()).state()).isEqualTo(JobState.ACKNOWLEDGED);
        assertThatThrownBy(() -> client.resume(job.id())).isInstanceOfSatisfying(BitsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_INVALID_STATE));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events.stream()
                .anyMatch(e -> e.kind() == JobEvent.Kind.TRANSFERRED && e.job().id().equals(job.id())));
        List<JobState> seen = events.stream().filter(e -> e.job().id().equals(job.id()))
                .map(e -> e.job().state()).distinct().toList();
        assertThat(seen).containsSubsequence(JobState.SUSPENDED, JobState.QUEUED, JobState.CONNECTING,
                JobState.TRANSFERRING, JobState.TRANSFERRED, JobState.ACKNOWLEDGED);
    }

    @Test
    void completeReplacesAnExistingFileAtomically() throws Exception {
        Resource r = server.resource("/b.bin").generated(100_000);
        Path local = dir.resolve("b.bin");
        Files.writeString(local, "old content");
        JobInfo job = newJob("/b.bin", r, local);
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        assertThat(Files.readString(local)).isEqualTo("old content");
        client.complete(job.id());
        assertThat(sha256(local)).isEqualTo(r.content().sha256());
    }

    @Test
    void notFoundIsAFatalErrorWithTheHttpCode() {
        server.resource("/missing").failAlways(404);
        JobInfo job = newJob("/missing", null, dir.resolve("m.bin"));
        client.resume(job.id());
        JobInfo failed = fx.awaitState(client, job.id(), JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(0x80190194);
        assertThat(failed.error().context()).isEqualTo(ErrorContext.REMOTE_FILE);
        assertThat(failed.error().remoteName()).endsWith("/missing");
        assertThat(failed.errorCount()).isEqualTo(1);
        assertThat(dir.resolve("m.bin")).doesNotExist();
        // ERROR -> Cancel: CANCELLED and nothing left behind.
        JobInfo cancelled = client.cancel(job.id());
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(Path.of(cancelled.files().get(0).temporaryName())).doesNotExist();
    }

    @Test
    void serverErrorIsTransientRetriedAfterMinimumRetryDelayThenSucceeds() throws Exception {
        Resource r = server.resource("/flaky").generated(50_000).fail(503, 1);
        JobInfo job = newJob("/flaky", r, dir.resolve("f.bin"));
        client.setProperties(job.id(), new JobOptions().minimumRetryDelay(60));
        client.resume(job.id());
        JobInfo t = fx.awaitState(client, job.id(), JobState.TRANSIENT_ERROR);
        assertThat(t.error().code()).isEqualTo(ErrorCodes.fromHttpStatus(503));
        Thread.sleep(1500);
        assertThat(client.getJob(job.id()).state()).isEqualTo(JobState.TRANSIENT_ERROR);
        fx.clock.advance(Duration.ofSeconds(61));
        fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        assertThat(client.complete(job.id()).status()).isEqualTo(ErrorCodes.S_OK);
        assertThat(sha256(dir.resolve("f.bin"))).isEqualTo(r.content().sha256());
    }

    @Test
    void transientErrorBecomesErrorAfterNoProgressTimeout() {
        server.resource("/down").failAlways(500);
        JobInfo job = newJob("/down", null, dir.resolve("d.bin"));
        client.setProperties(job.id(), new JobOptions().minimumRetryDelay(10).noProgressTimeout(100));
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSIENT_ERROR);
        fx.clock.advance(Duration.ofSeconds(101));
        JobInfo failed = fx.awaitState(client, job.id(), JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.fromHttpStatus(500));
        // ERROR -> Resume -> QUEUED again (and the server still fails).
        JobInfo resumed = client.resume(job.id());
        assertThat(resumed.state()).isIn(JobState.QUEUED, JobState.CONNECTING, JobState.TRANSIENT_ERROR);
    }

    @Test
    void noProgressTimeoutZeroMeansNoRetries() {
        server.resource("/down0").failAlways(503);
        JobInfo job = newJob("/down0", null, dir.resolve("d0.bin"));
        client.setProperties(job.id(), new JobOptions().noProgressTimeout(0));
        client.resume(job.id());
        assertThat(fx.awaitState(client, job.id(), JobState.ERROR).error().code()).isEqualTo(ErrorCodes.fromHttpStatus(503));
    }

    @Test
    void connectionResetResumesFromTheDurableOffset() throws Exception {
        Resource r = server.resource("/reset").generated(4 * 1024 * 1024).resetAfter(1_500_000, 1);
        JobInfo job = newJob("/reset", r, dir.resolve("r.bin"));
        client.setProperties(job.id(), new JobOptions().minimumRetryDelay(5));
        client.resume(job.id());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            fx.clock.advance(Duration.ofSeconds(6));
            fx.engine.scheduler().wake();
            return client.getJob(job.id()).state() == JobState.TRANSFERRED;
        });
        client.complete(job.id());
        assertThat(sha256(dir.resolve("r.bin"))).isEqualTo(r.content().sha256());
        // Resumed from the durable offset, not restarted: the bytes that arrived before the cut are
        // forced and recorded when the transfer fails, so the retry asks for a range starting at most
        // a buffer before where the connection was cut (the server's byte counter
        // would also count what sat unread in loopback socket buffers, so the request is the measure).
        assertThat(r.requests()).hasSize(2);
        String range = r.requests().get(1).header("range");
        long from = Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
        assertThat(from).isBetween(1_500_000L - 1024 * 1024, 1_500_000L);
        assertThat(r.requests().get(1).header("if-range")).isNotNull();
    }

    @Test
    void dynamicContentRestartsAnInterruptedFileFromZero() throws Exception {
        Resource r = server.resource("/dyn").generated(2_000_000).ranges(false).resetAfter(700_000, 1);
        JobInfo job = newJob("/dyn", r, dir.resolve("dyn.bin"));
        client.setProperties(job.id(), new JobOptions().dynamic(true).minimumRetryDelay(5));
        client.resume(job.id());
        assertThatThrownBy(() -> client.setProperties(job.id(), new JobOptions().dynamic(false)))
                .isInstanceOfSatisfying(BitsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_INVALID_STATE));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            fx.clock.advance(Duration.ofSeconds(6));
            fx.engine.scheduler().wake();
            return client.getJob(job.id()).state() == JobState.TRANSFERRED;
        });
        client.complete(job.id());
        assertThat(sha256(dir.resolve("dyn.bin"))).isEqualTo(r.content().sha256());
        assertThat(r.requests()).hasSize(2);
        assertThat(r.requests()).allSatisfy(q -> assertThat(q.header("range")).isNull());
    }

    @Test
    void suspendStopsAndResumeContinues() throws Exception {
        Resource r = server.resource("/slow").generated(600_000).slow(300_000);
        JobInfo job = newJob("/slow", r, dir.resolve("s.bin"));
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSFERRING);
        assertThat(client.suspend(job.id()).state()).isEqualTo(JobState.SUSPENDED);
        assertThat(client.suspend(job.id()).state()).isEqualTo(JobState.SUSPENDED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> !fx.engine.scheduler().isRunning(job.id()));
        long served = r.bytesServed();
        Thread.sleep(500);
        assertThat(r.bytesServed()).isLessThanOrEqualTo(served + 65536);
        r.slow(0);
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        client.complete(job.id());
        assertThat(sha256(dir.resolve("s.bin"))).isEqualTo(r.content().sha256());
    }

    @Test
    void partialCompleteKeepsFinishedFilesAndDeletesTheRest() throws Exception {
        Resource ok = server.resource("/ok").generated(10_000);
        server.resource("/gone").failAlways(410);
        JobInfo job = newJob("/ok", ok, dir.resolve("ok.bin"));
        client.addFile(job.id(), server.uri("/gone").toString(), dir.resolve("gone.bin").toString(), null);
        client.resume(job.id());
        JobInfo failed = fx.awaitState(client, job.id(), JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.fromHttpStatus(410));
        assertThat(failed.files().get(0).completed()).isTrue();
        CompleteResult result = client.complete(job.id());
        assertThat(result.status()).isEqualTo(ErrorCodes.BG_S_PARTIAL_COMPLETE);
        assertThat(sha256(dir.resolve("ok.bin"))).isEqualTo(ok.content().sha256());
        assertThat(dir.resolve("gone.bin")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".BIT"));
        }
    }

    @Test
    void cancelDeletesFinishedButUncommittedFiles() throws Exception {
        Resource r = server.resource("/c").generated(20_000);
        JobInfo job = newJob("/c", r, dir.resolve("c.bin"));
        client.resume(job.id());
        JobInfo done = fx.awaitState(client, job.id(), JobState.TRANSFERRED);
        assertThat(Path.of(done.files().get(0).temporaryName())).exists();
        client.cancel(job.id());
        assertThat(Path.of(done.files().get(0).temporaryName())).doesNotExist();
        assertThat(dir.resolve("c.bin")).doesNotExist();
    }

    @Test
    void aStartLeavesSweptFinalJobsOnDiskAndReadsThemByIdWhenAsked() throws Exception {
        Resource r = server.resource("/s").generated(20_000);
        JobInfo acknowledged = newJob("/s", r, dir.resolve("s1.bin"));
        JobInfo cancelled = newJob("/s", r, dir.resolve("s2.bin"));
        JobInfo waiting = newJob("/s", r, dir.resolve("s3.bin"));
        for (JobInfo j : List.of(acknowledged, cancelled)) {
            client.resume(j.id());
            fx.awaitState(client, j.id(), JobState.TRANSFERRED);
        }
        client.complete(acknowledged.id());
        client.cancel(cancelled.id());
        fx.close();
        try (EngineFixture again = new EngineFixture(dir.resolve("store"))) {
            // Only the unfinished job is read at start; the final ones stay on disk.
            assertThat(again.engine.table().all()).extracting(j -> j.id()).containsExactly(waiting.id());
            EngineClient c = again.client();
            assertThat(c.listJobs(false)).extracting(JobInfo::id).containsExactly(waiting.id());
            assertThat(c.getJob(acknowledged.id()).state()).isEqualTo(JobState.ACKNOWLEDGED);
            assertThat(c.getJob(cancelled.id()).state()).isEqualTo(JobState.CANCELLED);
            assertThatThrownBy(() -> c.cancel(acknowledged.id())).isInstanceOfSatisfying(BitsException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_INVALID_STATE));
            // A new job numbers on after every stored one, those left on disk included.
            JobInfo next = c.createJob("next", JobType.DOWNLOAD, null);
            assertThat(again.engine.table().require(next.id()).sequence())
                    .isGreaterThan(again.engine.table().require(cancelled.id()).sequence());
        }
        fx = new EngineFixture(dir.resolve("store2"));
    }

    @Test
    void aCancelCutShortByACrashIsSweptAtTheNextStart() throws Exception {
        Resource r = server.resource("/k").generated(20_000);
        JobInfo job = newJob("/k", r, dir.resolve("k.bin"));
        client.resume(job.id());
        Path temp = Path.of(fx.awaitState(client, job.id(), JobState.TRANSFERRED).files().get(0).temporaryName());
        // The state reached the store, the process died before the temp file was deleted.
        fx.engine.table().update(job.id(), j -> j.transition(JobState.CANCELLED, java.time.Instant.now()));
        fx.close();
        assertThat(temp).exists();
        try (EngineFixture again = new EngineFixture(dir.resolve("store"))) {
            assertThat(temp).doesNotExist();
            assertThat(again.engine.table().all()).extracting(j -> j.id()).contains(job.id());
        }
        try (EngineFixture third = new EngineFixture(dir.resolve("store"))) {
            assertThat(third.engine.table().all()).isEmpty();
            assertThat(third.client().getJob(job.id()).state()).isEqualTo(JobState.CANCELLED);
        }
        fx = new EngineFixture(dir.resolve("store2"));
    }

    @Test
    void resumeWithoutFilesIsEmptyAndChangesNothing() {
        JobInfo job = client.createJob("empty", JobType.DOWNLOAD, null);
        assertThatThrownBy(() -> client.resume(job.id())).isInstanceOfSatisfying(BitsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_EMPTY));
        assertThat(client.getJob(job.id()).state()).isEqualTo(JobState.SUSPENDED);
    }

    @Test
    void closingTheEngineQueuesTransfersAndReopeningFinishesThem() throws Exception {
        Resource r = server.resource("/long").generated(2_000_000).slow(400_000);
        JobInfo job = newJob("/long", r, dir.resolve("l.bin"));
        client.resume(job.id());
        fx.awaitState(client, job.id(), JobState.TRANSFERRING);
        Thread.sleep(800);
        fx.close();
        r.slow(0);
        try (EngineFixture again = new EngineFixture(dir.resolve("store"))) {
            EngineClient c = again.client();
            JobInfo reopened = c.getJob(job.id());
            assertThat(reopened.state()).isIn(JobState.QUEUED, JobState.CONNECTING, JobState.TRANSFERRING,
                    JobState.TRANSFERRED);
            assertThat(reopened.progress().bytesTransferred()).isGreaterThan(0);
            again.awaitState(c, job.id(), JobState.TRANSFERRED);
            c.complete(job.id());
            assertThat(sha256(dir.resolve("l.bin"))).isEqualTo(r.content().sha256());
        }
        fx = new EngineFixture(dir.resolve("store2"));
    }
}
