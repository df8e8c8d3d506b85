package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.Etag;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.RecordedRequest;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HttpTransport against the fault-injecting server: resume, validators, BITS error codes. */
class HttpTransportTest {
    @TempDir
    Path dir;
    final FaultServer server = FaultServer.start();
    final HttpTransport transport = new HttpTransport(Throttle.UNLIMITED, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    TestSession session(String path) {
        return new TestSession(server.uri(path), dir.resolve("f" + path.replace('/', '_')));
    }

    static TransferException failure(TestSession s, HttpTransport t) {
        try {
            t.transfer(s);
        } catch (TransferException e) {
            return e;
        } catch (TransferStoppedException e) {
            throw new AssertionError("stopped instead of failing", e);
        }
        throw new AssertionError("the transfer succeeded");
    }

    @Test
    void handlesOnlyHttpDownloads() {
        assertThat(transport.handles(server.uri("/x"), JobType.DOWNLOAD)).isTrue();
        assertThat(transport.handles(server.uri("/x"), JobType.UPLOAD)).isFalse();
        assertThat(transport.handles(Path.of("/tmp").toUri(), JobType.DOWNLOAD)).isFalse();
    }

    @Test
    void downloadsAWholeFileWithOneRangedGet() throws Exception {
        Resource r = server.resource("/a.bin").generated(1_000_000);
        TestSession s = session("/a.bin");
        transport.transfer(s);
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
        assertThat(s.validator.size()).isEqualTo(1_000_000);
        assertThat(s.validator.hasStrongEtag()).isTrue();
        assertThat(s.connected).isTrue();
        assertThat(s.checkpoints).isPositive();
        assertThat(r.requests()).singleElement().satisfies(q -> {
            assertThat(q.header("Range")).isEqualTo("bytes=0-");
            assertThat(q.header("If-Range")).isNull();
            assertThat(q.header("Accept-Encoding")).isNull();
        });
    }

    @Test
    void resumesAfterACutConnectionWithIfRange() throws Exception {
        Resource r = server.resource("/r.bin").generated(2_000_000).resetAfter(700_000);
        TestSession s = session("/r.bin");
        TransferException cut = failure(s, transport);
        assertThat(cut.code()).isEqualTo(ErrorCodes.INTERNET_CONNECTION_RESET);
        assertThat(cut.isTransient()).isTrue();
        assertThat(s.offset).isEqualTo(700_000);
        transport.transfer(s.again());
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
        assertThat(s.restarts).isZero();
        RecordedRequest second = r.requests().get(1);
        assertThat(second.header("Range")).isEqualTo("bytes=700000-");
        assertThat(second.header("If-Range")).isEqualTo(s.validator.etag());
        assertThat(r.bytesServed()).isEqualTo(2_000_000);
    }

    @Test
    void everyAttemptMovesForwardWhenEveryResponseIsCut() throws Exception {
        Resource r = server.resource("/every").generated(350_000).resetEveryTime(100_000);
        TestSession s = session("/every");
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                transport.transfer(s.again());
                break;
            } catch (TransferException e) {
                assertThat(e.isTransient()).isTrue();
                assertThat(attempts).isLessThan(10);
            }
        }
        assertThat(attempts).isEqualTo(4);
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
        assertThat(r.bytesServed()).isEqualTo(350_000);
    }

    @Test
    void chunkedRangesTakeTheSizeFromContentRange() throws Exception {
        Resource r = server.resource("/chunked").generated(200_000).contentLength(false);
        TestSession s = session("/chunked");
        transport.transfer(s);
        assertThat(s.validator.size()).isEqualTo(200_000);
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
    }

    @Test
    void usesLastModifiedInIfRangeWhenTheEtagIsWeak() throws Exception {
        Resource r = server.resource("/w.bin").generated(300_000).etag(Etag.WEAK).resetAfter(100_000);
        TestSession s = session("/w.bin");
        failure(s, transport);
        transport.transfer(s.again());
        assertThat(r.requests().get(1).header("If-Range")).endsWith("GMT");
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
    }

    @Test
    void aChangedResourceRestartsFromZeroThroughIfRange() throws Exception {
        Resource r = server.resource("/c.bin").generated(400_000).resetAfter(150_000);
        TestSession s = session("/c.bin");
        failure(s, transport);
        byte[] old = r.content().bytes();
        r.change();
        transport.transfer(s.again());
        assertThat(s.restarts).isEqualTo(1);
        assertThat(s.bytes()).isEqualTo(r.content().bytes()).isNotEqualTo(old);
    }

    @Test
    void aChangedResourceWithoutIfRangeIsCaughtByItsSize() throws Exception {
        Resource r = server.resource("/n.bin").generated(400_000).etag(Etag.NONE).lastModified(false).resetAfter(150_000);
        TestSession s = session("/n.bin");
        failure(s, transport);
        r.change(500_000);
        transport.transfer(s.again());
        assertThat(s.restarts).isEqualTo(1);
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
        assertThat(r.requests()).hasSize(3);
    }

    @Test
    void aChangeMidTransferIsNeverSpliced() throws Exception {
        Resource r = server.resource("/m.bin").generated(600_000).resetAfter(200_000).changeAfter(200_000);
        TestSession s = session("/m.bin");
        failure(s, transport);
        transport.transfer(s.again());
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
        assertThat(s.restarts).isEqualTo(1);
    }

    @Test
    void aWholeBodyAnswerToARangeTruncatesAndRestarts() throws Exception {
        Resource r = server.resource("/t.bin").generated(300_000).etag(Etag.NONE).lastModified(false).resetAfter(100_000);
        TestSession s = session("/t.bin");
        failure(s, transport);
        r.ranges(false);
        transport.transfer(s.again());
        assertThat(s.restarts).isEqualTo(1);
        assertThat(s.bytes()).hasSize(300_000).isEqualTo(r.content().bytes());
    }

    @Test
    void noSizeIsBgEMissingFileSize() {
        server.resource("/ns").generated(10_000).contentLength(false).ranges(false);
        TransferException e = failure(session("/ns"), transport);
        assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_MISSING_FILE_SIZE);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.context()).isEqualTo(ErrorContext.REMOTE_FILE);
    }

    @Test
    void noRangeSupportIsBgEInsufficientRangeSupport() {
        server.resource("/nr").generated(10_000).ranges(false);
        TransferException e = failure(session("/nr"), transport);
        assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void dynamicContentNeedsNeitherSizeNorRangesAndRestartsAfterACut() throws Exception {
        Resource r = server.resource("/d").generated(500_000).contentLength(false).ranges(false).resetAfter(200_000);
        TestSession s = session("/d");
        s.dynamic = true;
        assertThat(failure(s, transport).isTransient()).isTrue();
        assertThat(s.offset).isBetween(0L, 200_000L);
        transport.transfer(s.again());
        assertThat(s.restarts).isEqualTo(1);
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
        assertThat(r.requests()).allSatisfy(q -> assertThat(q.header("Range")).isNull());
        assertThat(r.bytesServed()).isEqualTo(700_000);
    }

    @Test
    void httpStatusesMapToBitsCodes() {
        int[][] cases = {{404, 0}, {403, 0}, {401, 0}, {410, 0}, {500, 1}, {503, 1}, {408, 1}, {429, 1}};
        for (int[] c : cases) {
            server.resource("/s" + c[0]).failAlways(c[0]);
            TransferException e = failure(session("/s" + c[0]), transport);
            assertThat(e.code()).as("status %d", c[0]).isEqualTo(ErrorCodes.fromHttpStatus(c[0]));
            assertThat(e.isTransient()).as("status %d transient", c[0]).isEqualTo(c[1] == 1);
            assertThat(e.context()).isEqualTo(ErrorContext.REMOTE_FILE);
        }
        assertThat(failure(session("/missing"), transport).code()).isEqualTo(0x80190194);
    }

    @Test
    void a503ThenSuccessOnTheNextAttempt() throws Exception {
        Resource r = server.resource("/busy").generated(50_000).failOnce(503);
        TestSession s = session("/busy");
        assertThat(failure(s, transport).code()).isEqualTo(ErrorCodes.fromHttpStatus(503));
        transport.transfer(s.again());
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
    }

    @Test
    void unsatisfiableRangeAtZeroIs416() {
        server.resource("/empty").generated(0);
        TestSession s = session("/empty");
        assertThatNoFailure(s);
        assertThat(s.validator.size()).isZero();
        server.resource("/bad416").failAlways(416);
        assertThat(failure(session("/bad416"), transport).code()).isEqualTo(ErrorCodes.fromHttpStatus(416));
    }

    private void assertThatNoFailure(TestSession s) {
        try {
            transport.transfer(s);
        } catch (TransferException | TransferStoppedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void connectionRefusedAndTimeoutsAreTransient() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TestSession refused = new TestSession(java.net.URI.create("http://127.0.0.1:" + closedPort + "/x"), dir.resolve("refused"));
        TransferException e = failure(refused, transport);
        assertThat(e.code()).isEqualTo(ErrorCodes.INTERNET_CANNOT_CONNECT);
        assertThat(e.isTransient()).isTrue();

        server.resource("/stall").generated(2_000).slow(100);
        try (HttpTransport impatient = new HttpTransport(Throttle.UNLIMITED, Duration.ofMillis(300))) {
            TransferException t = failure(session("/stall"), impatient);
            assertThat(t.code()).isIn(ErrorCodes.INTERNET_TIMEOUT);
            assertThat(t.isTransient()).isTrue();
        }
    }

    @Test
    void aStopRequestLeavesADurableOffsetToResumeFrom() throws Exception {
        Resource r = server.resource("/stop").generated(1_000_000);
        TestSession s = session("/stop");
        s.stopAfter = 200_000;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        assertThat(s.offset).isBetween(200_000L, 1_000_000L - 1);
        s.stopAfter = -1;
        transport.transfer(s.again());
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
    }

    @Test
    void aStopAtAnyMomentIsReportedAsAStopNeverAsAFailure() throws Exception {
        // The abort can land between HttpClient leasing a connection and using it, where the
        // client throws IllegalStateException instead of an I/O error: still a stop.
        server.resource("/race").generated(20_000);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 150; i++) {
            TestSession s = session("/race");
            s.offset = 0;
            long delayNanos = random.nextInt(3_000_000);
            Thread stopper = new Thread(() -> {
                java.util.concurrent.locks.LockSupport.parkNanos(delayNanos);
                s.requestStop();
            });
            stopper.start();
            try {
                transport.transfer(s);
            } catch (TransferStoppedException expected) {
                // stopped before the end: what a suspend gives
            }
            stopper.join();
        }
    }

    @Test
    void customHeadersGoOnEveryRequest() throws Exception {
        server.resource("/hop").redirectTo("/dest");
        Resource dest = server.resource("/dest").generated(2000);
        TestSession s = session("/hop");
        s.headers = List.of("X-Drizzle-Test: one", "X-Other: two");
        transport.transfer(s);
        assertThat(server.resource("/hop").requests().get(0).header("X-Drizzle-Test")).isEqualTo("one");
        assertThat(dest.requests().get(0).header("X-Drizzle-Test")).isEqualTo("one");
        assertThat(dest.requests().get(0).header("X-Other")).isEqualTo("two");
    }

    @Test
    void aCustomHttpMethodStartsOverAndNeverRetries() throws Exception {
        Resource r = server.resource("/post").generated(30_000).ranges(false);
        TestSession s = session("/post");
        s.httpMethod = "POST";
        s.offset = 0;
        transport.transfer(s);
        assertThat(s.bytes()).isEqualTo(r.content().bytes());
        assertThat(r.requests()).singleElement().satisfies(q -> assertThat(q.method()).isEqualTo("POST"));
        r.failOnce(503);
        TransferException e = failure(s.again(), transport);
        assertThat(e.code()).isEqualTo(ErrorCodes.fromHttpStatus(503));
        assertThat(e.isTransient()).isFalse();
        assertThat(s.offset).isZero();
    }

    @Test
    void passportIsRefusedClearly() {
        server.resource("/pp").generated(10);
        TestSession s = session("/pp");
        s.credentials = List.of(new org.drizzle.engine.job.Credential(org.drizzle.engine.job.AuthTarget.SERVER,
                org.drizzle.engine.job.AuthScheme.PASSPORT, "u", "p"));
        TransferException e = failure(s, transport);
        assertThat(e.code()).isEqualTo(ErrorCodes.E_NOTIMPL);
        assertThat(e.getMessage()).contains("Passport");
    }
}
