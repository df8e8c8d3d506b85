package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.drizzle.engine.MutableClock;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.server.BitsServer;
import org.drizzle.engine.server.VirtualDirectory;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload client against the Drizzle upload server (optionally behind a fault-injecting proxy). */
class BitsUploadTransportTest {
    @TempDir
    Path tmp;
    Path root;
    Path local;
    final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    BitsServer server;
    FaultProxy proxy;
    BitsUploadTransport transport;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("server-root"));
        local = Files.createDirectories(tmp.resolve("client"));
        transport = new BitsUploadTransport();
    }

    @AfterEach
    void tearDown() throws IOException {
        transport.close();
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    void startServer(UnaryOperator<VirtualDirectory> settings) throws IOException {
        startServer(settings, 0);
    }

    void startServer(UnaryOperator<VirtualDirectory> settings, int port) throws IOException {
        server = BitsServer.builder().virtualDirectory(settings.apply(VirtualDirectory.of("/upload", root)))
                .clock(clock).port(port).build().start();
    }

    FaultProxy proxy() throws IOException {
        proxy = new FaultProxy(server.baseUri());
        return proxy;
    }

    Path source(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(local.resolve(name), data);
    }

    SavedStateSession session(String name, URI remote, Path source) throws IOException {
        return new SavedStateSession(tmp.resolve("state-" + name), remote, source);
    }

    URI direct(String path) {
        return server.baseUri().resolve(path);
    }

    /** What the scheduler does: run again after a transient error. */
    static void runToEnd(BitsUploadTransport t, SavedStateSession s) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                t.transfer(s);
                return;
            } catch (TransferException e) {
                if (!e.isTransient() || attempt > 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    void singleFragmentUploadCommitsAndClearsState() throws Exception {
        startServer(v -> v);
        proxy();
        Path src = source("one.bin", 1000);
        SavedStateSession s = session("one", proxy.uri("/upload/one.bin"), src);
        transport.transfer(s);
        assertThat(root.resolve("one.bin")).hasSameBinaryContentAs(src);
        assertThat(proxy.count("Create-Session")).isEqualTo(1);
        assertThat(proxy.count("Fragment")).isEqualTo(1);
        assertThat(proxy.count("Close-Session")).isEqualTo(1);
        assertThat(proxy.packets.get(1).contentRange()).isEqualTo("bytes 0-999/1000");
        assertThat(s.offset()).isEqualTo(1000);
        assertThat(s.state(UploadState.SESSION_ID)).isNull();
        assertThat(s.connected).isTrue();
    }

    @Test
    void manyFragments() throws Exception {
        startServer(v -> v);
        proxy();
        Path src = source("many.bin", 3_000_000);
        transport.transfer(session("many", proxy.uri("/upload/many.bin"), src));
        assertThat(root.resolve("many.bin")).hasSameBinaryContentAs(src);
        assertThat(proxy.count("Fragment")).isGreaterThan(1);
        assertThat(proxy.packets).filteredOn(p -> "Fragment".equals(p.type()))
                .allSatisfy(p -> assertThat(p.length()).isBetween(1L, (long) BitsProtocol.MAX_FRAGMENT));
    }

    @Test
    void emptyAndOneByteFiles() throws Exception {
        startServer(v -> v);
        Path empty = source("empty.bin", 0);
        Path one = source("one-byte.bin", 1);
        transport.transfer(session("empty", direct("/upload/empty.bin"), empty));
        transport.transfer(session("onebyte", direct("/upload/one-byte.bin"), one));
        assertThat(root.resolve("empty.bin")).exists().isEmptyFile();
        assertThat(root.resolve("one-byte.bin")).hasSameBinaryContentAs(one);
    }

    @Test
    void hundredMebibytes() throws Exception {
        startServer(v -> v);
        Path src = source("big.bin", 100 << 20);
        SavedStateSession s = session("big", direct("/upload/big.bin"), src);
        transport.transfer(s);
        assertThat(Files.mismatch(src, root.resolve("big.bin"))).isEqualTo(-1);
        assertThat(s.metered.get()).as("every byte went through the bandwidth governor").isEqualTo(100L << 20);
    }

    @Test
    void lostAcksResumeOnANewConnectionWithPing() throws Exception {
        startServer(v -> v);
        proxy().resetAfterFragments = Set.of(2, 3);
        Path src = source("reset.bin", 1_000_000);
        transport.transfer(session("reset", proxy.uri("/upload/reset.bin"), src));
        assertThat(root.resolve("reset.bin")).hasSameBinaryContentAs(src);
        assertThat(proxy.count("Ping")).isGreaterThanOrEqualTo(2);
        assertThat(proxy.count("Create-Session")).isEqualTo(1);
    }

    @Test
    void sessionSurvivesAServerRestartMidUpload() throws Exception {
        startServer(v -> v);
        int port = server.port();
        Path src = source("restart.bin", 2_000_000);
        SavedStateSession s = session("restart", direct("/upload/restart.bin"), src);
        s.stopWhen = offset -> offset > 0;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        String id = s.state(UploadState.SESSION_ID);
        assertThat(id).isNotNull();
        server.close();
        startServer(v -> v, port);
        s.stopWhen = offset -> false;
        runToEnd(transport, s);
        assertThat(root.resolve("restart.bin")).hasSameBinaryContentAs(src);
        assertThat(root.resolve("BITS-Sessions").resolve(id)).as("the original session finished the upload").exists();
        assertThat(Files.list(root.resolve("BITS-Sessions")).count()).isEqualTo(1);
    }

    @Test
    void status413ShrinksFragmentsDownToWhatTheServerTakes() throws Exception {
        startServer(v -> v);
        proxy().maxFragment = 40_000;
        Path src = source("shrink.bin", 300_000);
        transport.transfer(session("shrink", proxy.uri("/upload/shrink.bin"), src));
        assertThat(root.resolve("shrink.bin")).hasSameBinaryContentAs(src);
        assertThat(proxy.packets).anyMatch(p -> p.status() == 413);
        assertThat(proxy.packets).filteredOn(p -> p.status() == 200 && "Fragment".equals(p.type()))
                .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(40_000));
    }

    @Test
    void progressIsRecordedAtMostTwiceASecondAndAtTheEnd() throws Exception {
        startServer(v -> v);
        proxy().maxFragment = 20_000;
        Path src = source("many.bin", 1_000_000);
        SavedStateSession s = session("many", proxy.uri("/upload/many.bin"), src);
        long t0 = System.nanoTime();
        transport.transfer(s);
        long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(root.resolve("many.bin")).hasSameBinaryContentAs(src);
        long acked = proxy.packets.stream().filter(p -> p.status() == 200 && "Fragment".equals(p.type())).count();
        assertThat(acked).isGreaterThanOrEqualTo(50);
        // Create-Session (0), the first Ack, one per elapsed interval, the last Ack.
        assertThat(s.records.get()).isLessThanOrEqualTo(3 + (int) (elapsedMillis / 500)).isLessThan((int) acked);
        assertThat(s.offset()).isEqualTo(1_000_000);
    }

    @Test
    void fragmentsNeverShrinkBelow5Kb() throws Exception {
        startServer(v -> v);
        proxy().maxFragment = 1000;
        Path src = source("tiny-limit.bin", 100_000);
        SavedStateSession s = session("tiny", proxy.uri("/upload/tiny-limit.bin"), src);
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOfSatisfying(TransferException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.fromHttpStatus(413));
        });
        assertThat(proxy.packets).filteredOn(p -> "Fragment".equals(p.type()))
                .allSatisfy(p -> assertThat(p.length()).isGreaterThanOrEqualTo(BitsProtocol.MIN_FRAGMENT));
    }

    @Test
    void expiredSessionStartsANewOne() throws Exception {
        startServer(v -> v.withSessionTimeout(Duration.ofHours(1)));
        proxy();
        Path src = source("expire.bin", 1_000_000);
        SavedStateSession s = session("expire", proxy.uri("/upload/expire.bin"), src);
        s.stopWhen = offset -> offset > 0;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        String first = s.state(UploadState.SESSION_ID);
        clock.advance(Duration.ofHours(2));
        s.stopWhen = offset -> false;
        transport.transfer(s);
        assertThat(root.resolve("expire.bin")).hasSameBinaryContentAs(src);
        assertThat(proxy.count("Create-Session")).isEqualTo(2);
        assertThat(proxy.packets).anyMatch(p -> p.status() == 500 && first.equals(p.sessionId()));
    }

    @Test
    void serverHoldingFewerBytesMovesTheOffsetBackwards() throws Exception {
        startServer(v -> v);
        Path src = source("back.bin", 1_000_000);
        SavedStateSession s = session("back", direct("/upload/back.bin"), src);
        s.stopAfterSent = sent -> sent >= 300_000;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        assertThat(s.offset()).isGreaterThan(1000);
        Path partial = root.resolve("BITS-Sessions").resolve(s.state(UploadState.SESSION_ID)).resolve("request.bin");
        // The server is still appending what reached it before the client stopped; the backup
        // below is restored once that has settled.
        long size = -1;
        for (int i = 0; i < 100 && Files.size(partial) != size; i++) {
            size = Files.size(partial);
            Thread.sleep(100);
        }
        // The server was "restored from backup": it holds only 1000 bytes now.
        try (var ch = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(1000);
        }
        s.stopAfterSent = sent -> false;
        transport.transfer(s);
        assertThat(root.resolve("back.bin")).hasSameBinaryContentAs(src);
    }

    @Test
    void aServerThatNeverTakesAFragmentIsAProtocolError() throws Exception {
        startServer(v -> v);
        proxy().stuckAt = 0L;
        TransferException e = fail(session("stuck", proxy.uri("/upload/stuck.bin"), source("stuck.bin", 10_000)));
        assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH);
        assertThat(proxy.count("Fragment")).isEqualTo(UploadRun.MAX_STALLS + 1);
    }

    @Test
    void overwriteRefusedIsFatal() throws Exception {
        startServer(v -> v);
        Files.writeString(root.resolve("taken.txt"), "keep");
        TransferException e = fail(session("taken", direct("/upload/taken.txt"), source("taken.txt", 10)));
        assertThat(e.code()).isEqualTo(ErrorCodes.E_ACCESSDENIED);
        assertThat(e.context()).isEqualTo(ErrorContext.REMOTE_FILE);
        assertThat(e.isTransient()).isFalse();
        assertThat(root.resolve("taken.txt")).hasContent("keep");
    }

    @Test
    void tooLargeIsFatal() throws Exception {
        startServer(v -> v.withMaxUploadSize(1000));
        TransferException e = fail(session("large", direct("/upload/large.bin"), source("large.bin", 2000)));
        assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_TOO_LARGE);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void uploadsDisabledIsAccessDenied() throws Exception {
        startServer(v -> v.withUploadsEnabled(false));
        TransferException e = fail(session("off", direct("/upload/off.bin"), source("off.bin", 10)));
        assertThat(e.code()).isEqualTo(ErrorCodes.E_ACCESSDENIED);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void clientCrashResumesFromTheStoredOffsetWithPing() throws Exception {
        startServer(v -> v);
        proxy();
        Path src = source("crash.bin", 2_000_000);
        SavedStateSession before = session("crash", proxy.uri("/upload/crash.bin"), src);
        before.stopAfterSent = sent -> sent >= 500_000;
        assertThatThrownBy(() -> transport.transfer(before)).isInstanceOf(TransferStoppedException.class);
        long stored = before.offset();
        transport.close();
        // A new process: new transport, session state read back from disk.
        transport = new BitsUploadTransport();
        SavedStateSession after = session("crash", proxy.uri("/upload/crash.bin"), src);
        // The first Ack is always recorded, so the stop part-way through leaves a positive offset.
        assertThat(after.offset()).isEqualTo(stored).isPositive().isLessThan(2_000_000);
        transport.transfer(after);
        assertThat(root.resolve("crash.bin")).hasSameBinaryContentAs(src);
        assertThat(proxy.count("Create-Session")).isEqualTo(1);
        assertThat(proxy.count("Ping")).isEqualTo(1);
        assertThat(after.metered.get()).isLessThanOrEqualTo(2_000_000 - stored + FragmentBody.CHUNK);
    }

    @Test
    void changedSourceIsLocalFileChanged() throws Exception {
        startServer(v -> v);
        Path src = source("changing.bin", 1_000_000);
        SavedStateSession s = session("changing", direct("/upload/changing.bin"), src);
        s.stopWhen = offset -> offset > 0;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        Files.write(src, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        s.stopWhen = offset -> false;
        TransferException e = fail(s);
        assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_LOCAL_FILE_CHANGED);
        assertThat(e.context()).isEqualTo(ErrorContext.LOCAL_FILE);
        assertThat(e.isTransient()).isFalse();
        assertThat(root.resolve("changing.bin")).doesNotExist();
    }

    @Test
    void cancelDropsTheServerSession() throws Exception {
        startServer(v -> v);
        Path src = source("cancel.bin", 1_000_000);
        SavedStateSession s = session("cancel", direct("/upload/cancel.bin"), src);
        s.stopWhen = offset -> offset > 0;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        Path partial = root.resolve("BITS-Sessions").resolve(s.state(UploadState.SESSION_ID)).resolve("request.bin");
        assertThat(partial).exists();
        Map<String, String> saved = new HashMap<>();
        saved.put(UploadState.SESSION_ID, s.state(UploadState.SESSION_ID));
        saved.put(UploadState.HOST_ID, s.state(UploadState.HOST_ID));
        assertThat(transport.cancel(s.remote(), saved, s.secrets())).isTrue();
        assertThat(partial).doesNotExist();
        assertThat(root.resolve("cancel.bin")).doesNotExist();
    }

    @Test
    void basicCredentialsAreSentWhenChallenged() throws Exception {
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/upload", root)).basicAuth("fleet", "pw").build().start();
        Path src = source("auth.bin", 50_000);
        JobSecrets secrets = new JobSecrets(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "fleet", "pw")), List.of(), null);
        transport.transfer(new SavedStateSession(tmp.resolve("state-auth"), direct("/upload/auth.bin"), src, JobType.UPLOAD, null, secrets));
        assertThat(root.resolve("auth.bin")).hasSameBinaryContentAs(src);
        TransferException e = fail(session("noauth", direct("/upload/noauth.bin"), src));
        assertThat(e.code()).isEqualTo(ErrorCodes.fromHttpStatus(401));
    }

    @Test
    void hostIdRedirectsLaterPacketsAndIsPingedFirst() throws Exception {
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/upload", root)).hostId("localhost", 60L).build().start();
        proxy();
        Path src = source("farm.bin", 500_000);
        SavedStateSession s = session("farm", proxy.uri("/upload/farm.bin"), src);
        s.stopWhen = offset -> offset > 0;
        assertThatThrownBy(() -> transport.transfer(s)).isInstanceOf(TransferStoppedException.class);
        assertThat(s.state(UploadState.HOST_ID)).isEqualTo("localhost");
        assertThat(s.state(UploadState.HOST_FALLBACK_SECONDS)).isEqualTo("60");
        assertThat(proxy.packets.get(0).type()).isEqualTo("Create-Session");
        assertThat(proxy.packets.get(1).type()).as("Ping right after a BITS-Host-Id").isEqualTo("Ping");
        assertThat(proxy.hosts).last().asString().startsWith("localhost:");
        s.stopWhen = offset -> false;
        transport.transfer(s);
        assertThat(root.resolve("farm.bin")).hasSameBinaryContentAs(src);
        assertThat(s.state(UploadState.HOST_ID)).isNull();
    }

    @Test
    void toleratesAcksWithoutContentLengthOpaqueIdsAndTheSpecsErrorHeader() throws Exception {
        try (OddServer odd = new OddServer()) {
            odd.loseFirstSession = true;
            Path src = source("odd.bin", 400_000);
            SavedStateSession s = session("odd", URI.create(odd.url("/up/odd.bin")), src);
            transport.transfer(s);
            assertThat(odd.packets).containsSubsequence("Create-Session", "Fragment", "Create-Session", "Fragment", "Close-Session");
            assertThat(s.offset()).isEqualTo(400_000);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (OddServer odd = new OddServer();
             BitsUploadTransport quick = new BitsUploadTransport(org.apache.hc.core5.util.Timeout.ofSeconds(2),
                     org.apache.hc.core5.util.Timeout.ofMilliseconds(300))) {
            odd.hang = true;
            SavedStateSession s = session("hang", URI.create(odd.url("/up/hang.bin")), source("hang.bin", 10));
            TransferException e = null;
            try {
                quick.transfer(s);
            } catch (TransferException t) {
                e = t;
            }
            assertThat(e).as(odd.packets.toString()).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCodes.INTERNET_TIMEOUT);
            assertThat(e.isTransient()).isTrue();
        }
    }

    @Test
    void handlesOnlyHttpUploads() {
        assertThat(transport.handles(URI.create("https://h/x"), JobType.UPLOAD)).isTrue();
        assertThat(transport.handles(URI.create("http://h/x"), JobType.UPLOAD_REPLY)).isTrue();
        assertThat(transport.handles(URI.create("http://h/x"), JobType.DOWNLOAD)).isFalse();
        assertThat(transport.handles(URI.create("file:///x"), JobType.UPLOAD)).isFalse();
    }

    TransferException fail(SavedStateSession s) {
        try {
            transport.transfer(s);
        } catch (TransferException e) {
            return e;
        } catch (TransferStoppedException e) {
            throw new AssertionError("stopped instead of failing", e);
        }
        throw new AssertionError("the upload did not fail");
    }
}
