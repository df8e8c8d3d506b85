package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.drizzle.engine.job.ErrorCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uploads and downloads can only ever name files under the virtual directory's root. */
class PathSafetyTest {
    @TempDir
    Path base;
    private Path root;
    private Path outside;
    private BitsServer server;
    private RawBits bits;

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(base.resolve("root"));
        outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/up", root).withAllowOverwrites(true))
                .build().start();
        bits = new RawBits(server.baseUri());
    }

    @AfterEach
    void stop() throws IOException {
        bits.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/up/%2e%2e/outside/x.txt", "/up/%2E%2E/outside/x.txt", "/up/a/%2e%2e/%2e%2e/outside/x.txt",
        "/up/%252e%252e/outside/x.txt", "/up/..%5coutside%5cx.txt", "/up/..%2foutside%2fx.txt",
        "/up/x%00.txt", "/up/CON", "/up/con.txt", "/up/LPT1", "/up/com3.log", "/up/a%3a%5cb.txt",
        "/up/dir//x.txt", "/up/x.txt%20", "/up/x.", "/up/%ff%fe.txt", "/up/BITS-Sessions/x.txt",
        "/up/nx1%2Fnx2%2F..%2F..%2F..%2Fpwned%2Fy", "/up/a%2Fb.txt", "/up/BITS-Sessions%2Fx", "/up/bits-sessions/x",
        "/up/%ef%bc%a2ITS-Sessions/x", "/up/%ef%bc%8e%ef%bc%8e/outside/x.txt", "/up/a%ef%bc%8fb.txt", "/up/%c0%ae%c0%ae/x.txt",
        "/up/%c0%af.txt", "/up/%e2%80%a5/x.txt", "/up/a%00b"})
    void refusedWith400Or403(String path) throws IOException {
        RawBits.Reply r = bits.create(path);
        assertThat(r.status()).as(path).isIn(400, 403);
        assertThat(r.errorCode()).as(path).isIn(ErrorCodes.E_INVALIDARG, ErrorCodes.E_ACCESSDENIED);
        assertThat(bits.get(path).status()).as("GET " + path).isIn(400, 403);
        assertNothingOutside();
    }

    @Test
    void overLongNamesAreRefused() throws IOException {
        assertThat(bits.create("/up/" + "a".repeat(256)).status()).isEqualTo(400);
        assertThat(bits.create("/up/" + "abcdefghi/".repeat(110) + "x").status()).isEqualTo(400);
        assertThat(bits.create("/up/" + "a".repeat(255)).status()).isEqualTo(200);
    }

    @Test
    void rawTraversalInTheRequestLineIsRefused() throws IOException {
        for (String target : new String[] {"/up/../outside/secret.txt", "/up/a/../../outside/secret.txt", "/up/%zz/../../outside/secret.txt", "/up/..\\..\\outside\\secret.txt"}) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(reply).as(target).doesNotContain("secret").matches("(?s)HTTP/1.1 (400|403|404).*");
            }
        }
    }

    @Test
    void symbolicLinkOutOfTheRootIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("secret-link.txt"), outside.resolve("secret.txt"));
        RawBits.Reply create = bits.create("/up/escape/x.txt");
        assertThat(create.status()).isEqualTo(403);
        assertThat(bits.get("/up/escape/secret.txt").status()).isEqualTo(403);
        assertThat(bits.get("/up/secret-link.txt").status()).isEqualTo(403);
        assertThat(bits.create("/up/secret-link.txt").status()).isEqualTo(403);
        assertNothingOutside();
    }

    @Test
    void linkSwappedInAfterCreateSessionIsCaughtAtCommit() throws IOException {
        Files.createDirectories(root.resolve("later"));
        String id = bits.session("/up/later/x.txt");
        Files.delete(root.resolve("later"));
        Files.createSymbolicLink(root.resolve("later"), outside);
        RawBits.Reply r = bits.fragment("/up/later/x.txt", id, 0, 3, "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.status()).isEqualTo(403);
        assertNothingOutside();
    }

    @Test
    void encodedSeparatorsCreateNoFolderAnywhere() throws IOException {
        RawBits.Reply r = bits.create("/up/nx1%2Fnx2%2F..%2F..%2F..%2Fpwned%2Fy");
        assertThat(r.status()).isEqualTo(400);
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(RemotePaths.SESSIONS_FOLDER);
        }
        assertNothingOutside();
    }

    @Test
    void linkIntoTheSessionFolderIsRefused() throws IOException {
        String id = bits.session("/up/partial.bin");
        bits.fragment("/up/partial.bin", id, 0, 10, "12345".getBytes(StandardCharsets.US_ASCII));
        Files.createSymbolicLink(root.resolve("sessions-link"), root.resolve(RemotePaths.SESSIONS_FOLDER));
        String encoded = id.replace("{", "%7B").replace("}", "%7D");
        assertThat(bits.get("/up/sessions-link/" + encoded + "/request.bin").status()).isEqualTo(403);
        assertThat(bits.create("/up/sessions-link/x.bin").status()).isEqualTo(403);
    }

    @Test
    void uploadIntoFoldersThatDoNotExistYetCreatesThemInsideTheRoot() throws IOException {
        String id = bits.session("/up/new/deeper/x.bin");
        assertThat(root.resolve("new")).as("nothing is created before the last byte").doesNotExist();
        assertThat(bits.fragment("/up/new/deeper/x.bin", id, 0, 1, new byte[] {9}).status()).isEqualTo(200);
        assertThat(root.resolve("new/deeper/x.bin")).hasBinaryContent(new byte[] {9});
        Files.writeString(root.resolve("plain"), "a file");
        String under = bits.session("/up/other/y.bin");
        Files.createSymbolicLink(root.resolve("other"), root.resolve("plain"));
        assertThat(bits.fragment("/up/other/y.bin", under, 0, 1, new byte[] {9}).status()).as("a file where a folder is needed").isEqualTo(400);
        assertNothingOutside();
    }

    @Test
    void queryStringsAndSafeNestedPathsWork() throws IOException {
        String id = bits.session("/up/logs/host%201/today.log?account=42");
        bits.fragment("/up/logs/host%201/today.log?account=42", id, 0, 2, new byte[] {1, 2});
        assertThat(root.resolve("logs/host 1/today.log")).hasBinaryContent(new byte[] {1, 2});
    }

    private void assertNothingOutside() throws IOException {
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.txt");
        }
        try (Stream<Path> files = Files.list(base)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("root", "outside");
        }
    }
}
