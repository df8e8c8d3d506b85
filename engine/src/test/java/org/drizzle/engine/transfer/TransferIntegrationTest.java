package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.SecurityFlags;
import org.drizzle.engine.testserver.Content;
import org.drizzle.engine.testserver.Etag;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transports inside the real engine: a LocalEngine with its SQLite store and scheduler, driven
 * through EngineClient (create, add file, resume, wait for the event, complete) against the
 * fault-injecting server and real files; results are compared by SHA-256.
 */
class TransferIntegrationTest {
    @TempDir
    Path dir;
    FaultServer server;
    EngineFixture fx;
    EngineClient client;
    HttpTransport http;
    final BlockingQueue<JobEvent> events = new LinkedBlockingQueue<>();
    Subscription subscription;

    @BeforeEach
    void setUp() throws Exception {
        server = FaultServer.start();
        http = new HttpTransport(Throttle.UNLIMITED, Duration.ofSeconds(10));
        fx = new EngineFixture(dir.resolve("store"),
                b -> b.transports(List.of(http, new FileTransport(Throttle.UNLIMITED, Impersonator.NONE))));
        client = fx.client();
        subscription = client.subscribe(events::add);
    }

    @AfterEach
    void tearDown() {
        subscription.close();
        fx.close();
        http.close();
        server.close();
    }

    private JobId download(String remote, Path local, JobOptions options, List<ByteRange> ranges) {
        JobInfo job = client.createJob("it", JobType.DOWNLOAD, options.priority(Priority.FOREGROUND));
        client.addFile(job.id(), remote, local.toString(), ranges);
        client.resume(job.id());
        return job.id();
    }

    /** Waits for JobTransferred or JobError for {@code id}; resumes it after each TRANSIENT_ERROR (BITS: fix + Resume). */
    private JobInfo settle(JobId id, boolean resumeTransient) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JobEvent e = events.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            JobInfo now = client.getJob(id);
            if (e != null && e.kind() == JobEvent.Kind.TRANSFERRED && e.job().id().equals(id)) {
                return e.job();
            }
            if (now.state() == JobState.ERROR || now.state() == JobState.TRANSFERRED) {
                return now;
            }
            if (now.state() == JobState.TRANSIENT_ERROR) {
                if (!resumeTransient) {
                    return now;
                }
                client.resume(id);
            }
        }
        throw new AssertionError("job " + id + " did not settle: " + client.getJob(id));
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private void completeAndCheck(JobId id, Path local, String expectedSha) throws Exception {
        assertThat(client.getJob(id).state()).isEqualTo(JobState.TRANSFERRED);
        assertThat(Files.exists(local)).isFalse();
        client.complete(id);
        assertThat(sha256(local)).isEqualTo(expectedSha);
    }

    @Test
    void aChangedResourceRestartsInsteadOfSplicing() throws Exception {
        Resource r = server.resource("/chg").generated(3_000_000).resetAfter(1_200_000).changeAfter(1_200_000);
        Path local = dir.resolve("chg.bin");
        JobId id = download(server.uri("/chg").toString(), local, new JobOptions(), null);
        assertThat(settle(id, true).state()).isEqualTo(JobState.TRANSFERRED);
        completeAndCheck(id, local, r.content().sha256());
    }

    @Test
    void aWholeBodyAnswerToARangeRestartsFromZero() throws Exception {
        Resource r = server.resource("/200").generated(3_000_000).etag(Etag.NONE).lastModified(false).resetAfter(1_500_000);
        Path local = dir.resolve("200.bin");
        JobId id = download(server.uri("/200").toString(), local, new JobOptions(), null);
        JobInfo cut = settle(id, false);
        assertThat(cut.state()).isEqualTo(JobState.TRANSIENT_ERROR);
        assertThat(cut.error().code()).isEqualTo(ErrorCodes.INTERNET_CONNECTION_RESET);
        r.ranges(false);
        client.resume(id);
        assertThat(settle(id, true).state()).isEqualTo(JobState.TRANSFERRED);
        assertThat(r.requests().get(r.requests().size() - 1).header("Range")).isNotEqualTo("bytes=0-");
        completeAndCheck(id, local, r.content().sha256());
    }

    @Test
    void missingSizeAndMissingRangeSupportAreFatalBitsErrors() throws Exception {
        server.resource("/nosize").generated(1000).contentLength(false).ranges(false);
        server.resource("/norange").generated(1000).ranges(false);
        JobInfo a = settle(download(server.uri("/nosize").toString(), dir.resolve("a"), new JobOptions(), null), false);
        JobInfo b = settle(download(server.uri("/norange").toString(), dir.resolve("b"), new JobOptions(), null), false);
        assertThat(a.state()).isEqualTo(JobState.ERROR);
        assertThat(a.error().code()).isEqualTo(ErrorCodes.BG_E_MISSING_FILE_SIZE);
        assertThat(a.error().context()).isEqualTo(ErrorContext.REMOTE_FILE);
        assertThat(b.state()).isEqualTo(JobState.ERROR);
        assertThat(b.error().code()).isEqualTo(ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT);
    }

    @Test
    void dynamicContentRestartsAtZeroAfterACut() throws Exception {
        Resource r = server.resource("/dyn").generated(2_000_000).contentLength(false).ranges(false).resetAfter(500_000);
        Path local = dir.resolve("dyn.bin");
        JobId id = download(server.uri("/dyn").toString(), local, new JobOptions().dynamic(true), null);
        assertThat(settle(id, true).state()).isEqualTo(JobState.TRANSFERRED);
        assertThat(r.requests()).hasSize(2).allSatisfy(q -> assertThat(q.header("Range")).isNull());
        completeAndCheck(id, local, r.content().sha256());
    }

    @Test
    void redirectPolicies() throws Exception {
        server.resource("/from").redirectTo("/to");
        Resource to = server.resource("/to").generated(10_000);
        Path reported = dir.resolve("reported.bin");
        JobId id = download(server.uri("/from").toString(), reported,
                new JobOptions().securityFlags(SecurityFlags.REDIRECT_POLICY_ALLOW_REPORT), null);
        JobInfo done = settle(id, false);
        assertThat(done.state()).isEqualTo(JobState.TRANSFERRED);
        assertThat(client.getJob(id).files().get(0).remoteName()).isEqualTo(server.uri("/to").toString());
        completeAndCheck(id, reported, to.content().sha256());

        JobId refused = download(server.uri("/from").toString(), dir.resolve("refused.bin"),
                new JobOptions().securityFlags(SecurityFlags.REDIRECT_POLICY_DISALLOW), null);
        JobInfo failed = settle(refused, false);
        assertThat(failed.state()).isEqualTo(JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.HTTP_REDIRECT_FAILED);
    }

    @Test
    void basicAndDigestCredentials() throws Exception {
        Resource basic = server.resource("/basic").generated(20_000).requireBasic("alice", "one");
        Resource digest = server.resource("/digest").generated(20_000).requireDigest("bob", "two");
        Path b = dir.resolve("basic.bin");
        Path d = dir.resolve("digest.bin");
        JobId ib = download(server.uri("/basic").toString(), b, new JobOptions().credentials(
                List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "alice", "one"))), null);
        JobId id = download(server.uri("/digest").toString(), d, new JobOptions().credentials(
                List.of(new Credential(AuthTarget.SERVER, AuthScheme.DIGEST, "bob", "two"))), null);
        assertThat(settle(ib, false).state()).isEqualTo(JobState.TRANSFERRED);
        assertThat(settle(id, false).state()).isEqualTo(JobState.TRANSFERRED);
        completeAndCheck(ib, b, basic.content().sha256());
        completeAndCheck(id, d, digest.content().sha256());

        JobId denied = download(server.uri("/basic").toString(), dir.resolve("denied.bin"), new JobOptions(), null);
        JobInfo failed = settle(denied, false);
        assertThat(failed.state()).isEqualTo(JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(0x80190191);
    }

    @Test
    void fileRangesAreConcatenated() throws Exception {
        Resource r = server.resource("/ranged").generated(200_000);
        Path local = dir.resolve("ranged.bin");
        JobId id = download(server.uri("/ranged").toString(), local, new JobOptions(),
                List.of(new ByteRange(1000, 500), new ByteRange(150_000, ByteRange.TO_EOF)));
        assertThat(settle(id, false).state()).isEqualTo(JobState.TRANSFERRED);
        client.complete(id);
        byte[] all = r.content().bytes();
        byte[] got = Files.readAllBytes(local);
        assertThat(got).hasSize(500 + 50_000);
        assertThat(java.util.Arrays.copyOfRange(got, 0, 500)).isEqualTo(java.util.Arrays.copyOfRange(all, 1000, 1500));
        assertThat(java.util.Arrays.copyOfRange(got, 500, got.length)).isEqualTo(java.util.Arrays.copyOfRange(all, 150_000, 200_000));
    }

    @Test
    void fileUrisDownloadAndSuspendResume() throws Exception {
        Path src = dir.resolve("source.bin");
        Files.write(src, Content.generated(8_000_000, 9).bytes());
        Path local = dir.resolve("copy.bin");
        JobId id = download(src.toUri().toString(), local, new JobOptions(), null);
        client.suspend(id);
        client.resume(id);
        assertThat(settle(id, false).state()).isEqualTo(JobState.TRANSFERRED);
        completeAndCheck(id, local, sha256(src));

        JobId missing = download(dir.resolve("absent.bin").toUri().toString(), dir.resolve("x.bin"), new JobOptions(), null);
        JobInfo failed = settle(missing, false);
        assertThat(failed.state()).isEqualTo(JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.ERROR_FILE_NOT_FOUND);
        assertThat(failed.error().context()).isEqualTo(ErrorContext.REMOTE_FILE);
    }

    @Test
    void notFoundIsErrorWithTheHttpCode() throws Exception {
        JobInfo failed = settle(download(server.uri("/absent").toString(), dir.resolve("nf"), new JobOptions(), null), false);
        assertThat(failed.state()).isEqualTo(JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(0x80190194);
        assertThat(failed.error().context()).isEqualTo(ErrorContext.REMOTE_FILE);
    }
}
