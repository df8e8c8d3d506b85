package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random methods, paths, headers and bodies thrown at the server over raw sockets: it must keep
 * answering and must never create anything outside its root. Bounded by count and by time.
 */
class ServerFuzzTest {
    private static final int REQUESTS = 400;
    private static final long BUDGET_MILLIS = 20_000;
    private static final List<String> METHODS = List.of("BITS_POST", "BITS_POST", "BITS_POST", "GET", "HEAD", "PUT", "DELETE", "B\u0001TS");
    private static final List<String> SEGMENTS = List.of("a.txt", "..", "%2e%2e", "%252e", "BITS-Sessions", "Replies", "CON",
            "x%00y", "%5c..%5c", "%2f", ".", "", "dir", "\u00e9t\u00e9", "%c0%ae%c0%ae", "a".repeat(300), "{GUID}", "*", "~", "%");
    private static final List<String> TYPES = List.of("Ping", "Create-Session", "Fragment", "Close-Session", "Cancel-Session",
            "FRAGMENT", "ack", "", "Get-Reply-URL", "\t");

    @TempDir
    Path base;

    @Test
    void randomRequestsNeverCrashTheServerOrWriteOutsideTheRoot() throws IOException {
        Path root = Files.createDirectories(base.resolve("root"));
        Files.createDirectories(base.resolve("outside"));
        Random rnd = new Random(20261124L);
        try (BitsServer server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/", root).withMaxUploadSize(1 << 20))
                .build().start()) {
            List<String> sessions = new java.util.ArrayList<>(List.of("{00000000-0000-0000-0000-000000000000}", "../x", ""));
            long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
            int sent = 0;
            while (sent < REQUESTS && System.currentTimeMillis() < deadline) {
                // One request in five is a well-formed Create-Session, so the random fragments meet live sessions.
                String reply = exchange(server.port(), rnd.nextInt(5) == 0 ? create(rnd) : request(rnd, sessions));
                int at = reply.indexOf("BITS-Session-Id: {");
                if (at >= 0 && reply.contains("BITS-Protocol")) {
                    sessions.add(reply.substring(at + 17, at + 17 + 38));
                }
                sent++;
            }
            assertThat(sent).isGreaterThan(50);
            assertThat(sessions).as("some random Create-Sessions succeeded, so fragments hit real sessions").hasSizeGreaterThan(5);
            try (RawBits bits = new RawBits(server.baseUri())) {
                assertThat(bits.packet("/still-alive.txt", "Ping", null).status()).isEqualTo(200);
            }
        }
        try (Stream<Path> top = Files.list(base)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("root", "outside");
        }
        try (Stream<Path> out = Files.list(base.resolve("outside"))) {
            assertThat(out).isEmpty();
        }
        Path realRoot = root.toRealPath();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                assertThat(Files.isSymbolicLink(p)).isFalse();
                assertThat(p.toRealPath().startsWith(realRoot)).isTrue();
            }
        }
    }

    private static byte[] request(Random rnd, List<String> sessions) {
        StringBuilder path = new StringBuilder();
        int depth = 1 + rnd.nextInt(3);
        for (int i = 0; i < depth; i++) {
            path.append('/').append(SEGMENTS.get(rnd.nextInt(SEGMENTS.size())));
        }
        byte[] body = new byte[rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(3000)];
        rnd.nextBytes(body);
        StringBuilder h = new StringBuilder();
        h.append(METHODS.get(rnd.nextInt(METHODS.size()))).append(' ').append(path).append(" HTTP/1.1\r\n");
        h.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        if (rnd.nextInt(5) > 0) {
            h.append("BITS-Packet-Type: ").append(TYPES.get(rnd.nextInt(TYPES.size()))).append("\r\n");
        }
        if (rnd.nextBoolean()) {
            h.append("BITS-Supported-Protocols: {7df0354d-249b-430f-820d-3d2a9bef4931}\r\n");
        }
        if (rnd.nextInt(3) > 0) {
            h.append("BITS-Session-Id: ").append(sessions.get(rnd.nextInt(sessions.size()))).append("\r\n");
        }
        if (rnd.nextBoolean()) {
            long total = rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextInt(5000);
            long first = rnd.nextInt(4000);
            h.append("Content-Range: ").append(rnd.nextBoolean() ? "bytes " : "BYTES ")
                    .append(first).append('-').append(first + body.length - 1 + rnd.nextInt(2)).append('/').append(total).append("\r\n");
        }
        if (rnd.nextInt(6) > 0) {
            h.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (rnd.nextInt(10) == 0) {
            h.append("Range: bytes=").append(rnd.nextInt(100) - 50).append('-').append(rnd.nextInt(100)).append("\r\n");
        }
        if (rnd.nextInt(10) == 0) {
            h.append("X-Junk: ").append("\u00ff".repeat(rnd.nextInt(6000))).append("\r\n");
        }
        h.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] create(Random rnd) {
        return ("BITS_POST /f" + rnd.nextInt(20) + ".bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "BITS-Packet-Type: Create-Session\r\nBITS-Supported-Protocols: {7df0354d-249b-430f-820d-3d2a9bef4931}\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String exchange(int port, byte[] request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            s.getOutputStream().write(request);
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }
}
