package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.drizzle.engine.MutableClock;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.transfer.upload.BitsProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload server against hand-made packets: every row of the reference's error table and the fragment rules. */
class BitsServerProtocolTest {
    @TempDir
    Path root;
    private BitsServer server;
    private RawBits bits;
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

    private void start(UnaryOperator<VirtualDirectory> settings) throws IOException {
        server = BitsServer.builder().virtualDirectory(settings.apply(VirtualDirectory.of("/up", root)))
                .clock(clock).build().start();
        bits = new RawBits(server.baseUri());
    }

    @AfterEach
    void stop() throws IOException {
        if (bits != null) {
            bits.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createSessionAnswersLikeIis() throws IOException {
        start(v -> v);
        RawBits.Reply r = bits.create("/up/a.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.header(BitsProtocol.PROTOCOL)).isEqualToIgnoringCase(BitsProtocol.PROTOCOL_GUID);
        assertThat(r.header(BitsProtocol.SESSION_ID)).matches("\\{[0-9A-F-]{36}\\}");
        assertThat(r.header("Accept-Encoding")).isEqualToIgnoringCase("identity");
    }

    @Test
    void protocolListMayBeCommaOrSpaceSeparatedAndUnknownOnesAreRefused() throws IOException {
        start(v -> v);
        RawBits.Reply ok = bits.post("/up/a.txt", null, "BITS-Packet-Type", "CREATE-SESSION",
                "BITS-Supported-Protocols", "{00000000-0000-0000-0000-000000000000}, " + BitsProtocol.PROTOCOL_GUID.toUpperCase());
        assertThat(ok.status()).isEqualTo(200);
        RawBits.Reply none = bits.post("/up/a.txt", null, "BITS-Packet-Type", "Create-Session",
                "BITS-Supported-Protocols", "{00000000-0000-0000-0000-000000000000}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo(ErrorCodes.E_INVALIDARG);
    }

    @Test
    void lastFragmentCommitsTheFileBeforeClose() throws IOException {
        start(v -> v);
        String id = bits.session("/up/dir/a.bin");
        byte[] data = bytes(1000, 1);
        RawBits.Reply first = bits.fragment("/up/dir/a.bin", id, 0, 1000, Arrays.copyOfRange(data, 0, 600));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.received()).isEqualTo(600);
        assertThat(root.resolve("dir/a.bin")).doesNotExist();
        RawBits.Reply last = bits.fragment("/up/dir/a.bin", id, 600, 1000, Arrays.copyOfRange(data, 600, 1000));
        assertThat(last.received()).isEqualTo(1000);
        assertThat(Files.readAllBytes(root.resolve("dir/a.bin"))).isEqualTo(data);
        assertThat(bits.packet("/up/dir/a.bin", "Close-Session", id).status()).isEqualTo(200);
        assertThat(bits.packet("/up/dir/a.bin", "close-session", id).status()).as("Close is idempotent").isEqualTo(200);
        assertThat(Files.readAllBytes(root.resolve("dir/a.bin"))).isEqualTo(data);
    }

    @Test
    void overlappingFragmentWritesOnlyTheNewBytes() throws IOException {
        start(v -> v);
        String id = bits.session("/up/o.bin");
        byte[] a = bytes(100, 1);
        byte[] b = bytes(100, 2);
        bits.fragment("/up/o.bin", id, 0, 150, a);
        RawBits.Reply r = bits.fragment("/up/o.bin", id, 50, 150, b);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.received()).isEqualTo(150);
        byte[] file = Files.readAllBytes(root.resolve("o.bin"));
        assertThat(Arrays.copyOfRange(file, 0, 100)).as("held bytes never overwritten").isEqualTo(a);
        assertThat(Arrays.copyOfRange(file, 100, 150)).isEqualTo(Arrays.copyOfRange(b, 50, 100));
    }

    @Test
    void gapAndDuplicateGet416WithTheHeldOffset() throws IOException {
        start(v -> v);
        String id = bits.session("/up/g.bin");
        bits.fragment("/up/g.bin", id, 0, 300, bytes(100, 1));
        RawBits.Reply gap = bits.fragment("/up/g.bin", id, 200, 300, bytes(100, 3));
        assertThat(gap.status()).isEqualTo(416);
        assertThat(gap.received()).isEqualTo(100);
        assertThat(gap.errorCode()).isNull();
        RawBits.Reply dup = bits.fragment("/up/g.bin", id, 0, 300, bytes(100, 1));
        assertThat(dup.status()).isEqualTo(416);
        assertThat(dup.received()).isEqualTo(100);
        assertThat(Files.size(root.resolve(RemotePaths.SESSIONS_FOLDER).resolve(id).resolve("request.bin"))).isEqualTo(100);
    }

    @Test
    void repeatedLastFragmentGetsTheSameAck() throws IOException {
        start(v -> v);
        String id = bits.session("/up/r.bin");
        bits.fragment("/up/r.bin", id, 0, 10, bytes(10, 1));
        RawBits.Reply again = bits.fragment("/up/r.bin", id, 0, 10, bytes(10, 1));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.received()).isEqualTo(10);
    }

    @Test
    void malformedRangesLengthMismatchAndChangedTotalAre400() throws IOException {
        start(v -> v);
        String id = bits.session("/up/m.bin");
        for (String range : new String[] {"bytes 5-1/10", "bytes 0-9/5", "bits 0-9/10", "bytes -5/10", "0-9/10", "bytes 0-9/"}) {
            RawBits.Reply r = bits.post("/up/m.bin", bytes(10, 1), "BITS-Packet-Type", "Fragment",
                    "BITS-Session-Id", id, "Content-Range", range);
            assertThat(r.status()).as(range).isEqualTo(400);
            assertThat(r.errorCode()).as(range).isEqualTo(ErrorCodes.E_INVALIDARG);
        }
        RawBits.Reply mismatch = bits.post("/up/m.bin", bytes(10, 1), "BITS-Packet-Type", "Fragment",
                "BITS-Session-Id", id, "Content-Range", "bytes 0-19/100");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(bits.fragment("/up/m.bin", id, 0, 100, bytes(10, 1)).status()).isEqualTo(200);
        RawBits.Reply changed = bits.fragment("/up/m.bin", id, 10, 200, bytes(10, 1));
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.errorCode()).isEqualTo(ErrorCodes.E_INVALIDARG);
    }

    @Test
    void unknownSessionIs500SessionNotFoundForEveryPacketButPing() throws IOException {
        start(v -> v);
        for (String type : new String[] {"Fragment", "Close-Session", "Cancel-Session"}) {
            RawBits.Reply r = bits.post("/up/x.bin", bytes(1, 1), "BITS-Packet-Type", type,
                    "BITS-Session-Id", "{12345678-1234-1234-1234-123456789ABC}", "Content-Range", "bytes 0-0/1");
            assertThat(r.status()).as(type).isEqualTo(500);
            assertThat(r.errorCode()).as(type).isEqualTo(ErrorCodes.BG_E_SESSION_NOT_FOUND);
            assertThat(r.header(BitsProtocol.ERROR_CONTEXT)).isEqualTo("0x5");
        }
        RawBits.Reply traversalId = bits.packet("/up/x.bin", "Close-Session", "../../etc");
        assertThat(traversalId.errorCode()).isEqualTo(ErrorCodes.BG_E_SESSION_NOT_FOUND);
        assertThat(bits.packet("/up/x.bin", "Ping", null).status()).isEqualTo(200);
    }

    @Test
    void urlNamingAFolderIs400() throws IOException {
        Files.createDirectories(root.resolve("folder"));
        start(v -> v);
        for (String path : new String[] {"/up/folder", "/up", "/up/"}) {
            RawBits.Reply r = bits.create(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.errorCode()).as(path).isEqualTo(ErrorCodes.E_INVALIDARG);
        }
    }

    @Test
    void notificationUrlsAreCheckedWhenConfigured() {
        java.net.URI longUrl = java.net.URI.create("http://127.0.0.1/" + "a".repeat(2200));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VirtualDirectory.of("/r", root)
                .withNotification(NotificationType.BY_VALUE, longUrl)).hasMessageContaining("2200");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VirtualDirectory.of("/r", root)
                .withNotification(NotificationType.BY_VALUE, java.net.URI.create("https://127.0.0.1/app")))
                .hasMessageContaining("http");
    }

    @Test
    void unknownPacketTypeAndMissingTypeAre400() throws IOException {
        start(v -> v);
        assertThat(bits.post("/up/x.bin", null, "BITS-Packet-Type", "Get-Reply-URL").status()).isEqualTo(400);
        RawBits.Reply none = bits.post("/up/x.bin", null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo(ErrorCodes.E_INVALIDARG);
    }

    @Test
    void headerLongerThan4KbIs400() throws IOException {
        start(v -> v);
        RawBits.Reply r = bits.post("/up/x.bin", null, "BITS-Packet-Type", "Ping", "X-Long", "a".repeat(5000));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo(ErrorCodes.E_INVALIDARG);
    }

    @Test
    void missingContentLengthIs411() throws IOException {
        start(v -> v);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("BITS_POST /up/x.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nBITS-Packet-Type: Ping\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(reply).startsWith("HTTP/1.1 411");
            assertThat(reply).containsIgnoringCase("BITS-Error-Code: 0x80070057");
            assertThat(reply).containsIgnoringCase("Content-Length: 0");
        }
    }

    @Test
    void uploadsDisabledIs501AccessDenied() throws IOException {
        start(v -> v.withUploadsEnabled(false));
        RawBits.Reply r = bits.create("/up/a.txt");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.errorCode()).isEqualTo(ErrorCodes.E_ACCESSDENIED);
    }

    @Test
    void existingFileIs409UnlessOverwritesAreAllowed() throws IOException {
        Files.writeString(root.resolve("exists.txt"), "old");
        start(v -> v);
        RawBits.Reply r = bits.create("/up/exists.txt");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorCode()).isEqualTo(ErrorCodes.E_ACCESSDENIED);
        assertThat(root.resolve("exists.txt")).hasContent("old");
        stop();
        start(v -> v.withAllowOverwrites(true));
        String id = bits.session("/up/exists.txt");
        bits.fragment("/up/exists.txt", id, 0, 3, "new".getBytes(StandardCharsets.US_ASCII));
        assertThat(root.resolve("exists.txt")).hasContent("new");
    }

    @Test
    void uploadLargerThanTheMaximumIsRefusedAtTheFirstFragment() throws IOException {
        start(v -> v.withMaxUploadSize(1000));
        String id = bits.session("/up/big.bin");
        RawBits.Reply r = bits.fragment("/up/big.bin", id, 0, 1001, bytes(10, 1));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorCode()).isEqualTo(ErrorCodes.BG_E_TOO_LARGE);
        assertThat(bits.fragment("/up/big.bin", id, 0, 1000, bytes(10, 1)).status()).isEqualTo(200);
    }

    @Test
    void cancelDeletesThePartialUpload() throws IOException {
        start(v -> v);
        String id = bits.session("/up/c.bin");
        bits.fragment("/up/c.bin", id, 0, 100, bytes(50, 1));
        Path partial = root.resolve(RemotePaths.SESSIONS_FOLDER).resolve(id).resolve("request.bin");
        assertThat(partial).exists();
        assertThat(bits.packet("/up/c.bin", "Cancel-Session", id).status()).isEqualTo(200);
        assertThat(partial).doesNotExist();
        assertThat(root.resolve("c.bin")).doesNotExist();
        assertThat(bits.fragment("/up/c.bin", id, 50, 100, bytes(50, 1)).errorCode()).isEqualTo(ErrorCodes.BG_E_SESSION_NOT_FOUND);
    }

    @Test
    void closeBeforeTheLastByteDeletesThePartialUpload() throws IOException {
        start(v -> v);
        String id = bits.session("/up/p.bin");
        bits.fragment("/up/p.bin", id, 0, 100, bytes(50, 1));
        assertThat(bits.packet("/up/p.bin", "Close-Session", id).status()).isEqualTo(200);
        assertThat(root.resolve("p.bin")).doesNotExist();
        assertThat(root.resolve(RemotePaths.SESSIONS_FOLDER).resolve(id).resolve("request.bin")).doesNotExist();
    }

    @Test
    void sessionExpiresAfterTheTimeoutWithoutProgress() throws IOException {
        start(v -> v.withSessionTimeout(Duration.ofHours(1)));
        String id = bits.session("/up/e.bin");
        bits.fragment("/up/e.bin", id, 0, 100, bytes(50, 1));
        clock.advance(Duration.ofMinutes(59));
        assertThat(bits.fragment("/up/e.bin", id, 50, 100, bytes(10, 1)).status()).as("progress resets the timer").isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        RawBits.Reply r = bits.fragment("/up/e.bin", id, 60, 100, bytes(10, 1));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorCode()).isEqualTo(ErrorCodes.BG_E_SESSION_NOT_FOUND);
        assertThat(root.resolve(RemotePaths.SESSIONS_FOLDER).resolve(id)).doesNotExist();
    }

    @Test
    void sweeperDeletesExpiredSessionsOnStart() throws IOException {
        start(v -> v.withSessionTimeout(Duration.ofHours(1)));
        String id = bits.session("/up/s.bin");
        stop();
        clock.advance(Duration.ofHours(2));
        start(v -> v.withSessionTimeout(Duration.ofHours(1)));
        assertThat(root.resolve(RemotePaths.SESSIONS_FOLDER).resolve(id)).doesNotExist();
    }

    @Test
    void sessionSurvivesAServerRestart() throws IOException {
        start(v -> v);
        String id = bits.session("/up/restart.bin");
        byte[] data = bytes(200, 7);
        bits.fragment("/up/restart.bin", id, 0, 200, Arrays.copyOfRange(data, 0, 120));
        stop();
        start(v -> v);
        RawBits.Reply r = bits.fragment("/up/restart.bin", id, 120, 200, Arrays.copyOfRange(data, 120, 200));
        assertThat(r.status()).isEqualTo(200);
        assertThat(Files.readAllBytes(root.resolve("restart.bin"))).isEqualTo(data);
    }

    @Test
    void crashLosesOnlyUnforcedBytesAndTheClientIsToldTheLowerOffset() throws IOException {
        start(v -> v);
        String id = bits.session("/up/crash.bin");
        bits.fragment("/up/crash.bin", id, 0, 200, bytes(120, 7));
        // A second server over the same root runs start-up recovery as after a crash (no graceful stop).
        try (BitsServer after = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/up", root)).clock(clock).build().start();
             RawBits again = new RawBits(after.baseUri())) {
            RawBits.Reply r = again.fragment("/up/crash.bin", id, 120, 200, bytes(80, 8));
            assertThat(r.status()).isEqualTo(416);
            assertThat(r.received()).isZero();
            assertThat(again.fragment("/up/crash.bin", id, 0, 200, bytes(200, 9)).received()).isEqualTo(200);
        }
        assertThat(Files.readAllBytes(root.resolve("crash.bin"))).isEqualTo(bytes(200, 9));
    }

    @Test
    void emptyFileTravelsAsStarRange() throws IOException {
        start(v -> v);
        String id = bits.session("/up/empty.bin");
        RawBits.Reply r = bits.post("/up/empty.bin", null, "BITS-Packet-Type", "Fragment", "BITS-Session-Id", id,
                "Content-Range", "bytes */0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.received()).isZero();
        assertThat(root.resolve("empty.bin")).exists().isEmptyFile();
    }

    @Test
    void basicAuthenticationIsRequiredWhenConfigured() throws IOException {
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/", root)).basicAuth("fleet", "s3cret").build().start();
        bits = new RawBits(server.baseUri());
        RawBits.Reply denied = bits.create("/a.txt");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.header("WWW-Authenticate")).startsWith("Basic");
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("fleet:s3cret".getBytes(StandardCharsets.UTF_8));
        RawBits.Reply ok = bits.post("/a.txt", null, "BITS-Packet-Type", "Create-Session",
                "BITS-Supported-Protocols", BitsProtocol.PROTOCOL_GUID, "Authorization", auth);
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void getServesRangesWithValidators() throws IOException {
        byte[] data = bytes(1000, 3);
        Files.write(root.resolve("d.bin"), data);
        start(v -> v);
        RawBits.Reply full = bits.get("/up/d.bin");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body()).isEqualTo(data);
        assertThat(full.header("ETag")).startsWith("\"");
        assertThat(full.header("Last-Modified")).endsWith("GMT");
        RawBits.Reply part = bits.get("/up/d.bin", "Range", "bytes=100-199");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 100-199/1000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(data, 100, 200));
        assertThat(bits.get("/up/d.bin", "Range", "bytes=-10").body()).isEqualTo(Arrays.copyOfRange(data, 990, 1000));
        RawBits.Reply beyond = bits.get("/up/d.bin", "Range", "bytes=5000-");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */1000");
        RawBits.Reply stale = bits.get("/up/d.bin", "Range", "bytes=0-9", "If-Range", "\"other\"");
        assertThat(stale.status()).as("If-Range mismatch sends the whole file").isEqualTo(200);
        RawBits.Reply head = bits.head("/up/d.bin");
        assertThat(head.header("Content-Length")).isEqualTo("1000");
        assertThat(head.body()).isEmpty();
        assertThat(bits.get("/up/").status()).as("no directory listing").isEqualTo(403);
        assertThat(bits.get("/up/missing.bin").status()).isEqualTo(404);
    }

    @Test
    void sessionFolderIsHiddenFromGetAndUploads() throws IOException {
        start(v -> v);
        String id = bits.session("/up/h.bin");
        bits.fragment("/up/h.bin", id, 0, 100, bytes(10, 1));
        assertThat(bits.get("/up/BITS-Sessions/" + id.replace("{", "%7B").replace("}", "%7D") + "/request.bin").status()).isEqualTo(403);
        assertThat(bits.create("/up/bits-sessions/x.bin").status()).isEqualTo(403);
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
