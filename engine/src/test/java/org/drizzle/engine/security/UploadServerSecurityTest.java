package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.server.BitsServer;
import org.drizzle.engine.server.ServerCommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 4, played by a hostile network client: the upload server started as
 * {@code drizzle server} starts it, raw HTTP over loopback sockets, and the file system listed
 * before and after. Encoded separators never name a file outside the root or inside the
 * session folder, and the default and configured caps refuse with a BITS Ack creating nothing.
 */
class UploadServerSecurityTest {
    private static final String PROTOCOL = "{7df0354d-249b-430f-820d-3d2a9bef4931}";

    @TempDir
    Path base;
    private Path root;
    private BitsServer server;

    @BeforeEach
    void folders() throws IOException {
        root = Files.createDirectories(base.resolve("root"));
        Files.writeString(Files.createDirectories(base.resolve("outside")).resolve("secret.txt"), "secret");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void encodedTraversalCreatesNothingOutsideTheRoot() throws Exception {
        start();
        Map<String, Long> before = outsideRoot();
        for (String path : List.of("/nx1%2Fnx2%2F..%2F..%2F..%2Fpwned%2Fy", "/nx1%2fnx2%2f..%2f..%2f..%2fpwned%2fy",
                "/nx1%5Cnx2%5C..%5C..%5C..%5Cpwned%5Cy", "/a/nx1%2F..%2F..%2F..%2Fpwned", "/..%2F..%2Fpwned",
                "/nx1%2F%2E%2E%2F%2E%2E%2Fpwned", "/nx1%00%2F..%2F..%2Fpwned")) {
            Reply create = createSession(null, path);
            assertThat(create.status).as("Create-Session %s", path).isIn(400, 403);
            assertThat(create.errorCode()).as(path).isIn(ErrorCodes.E_INVALIDARG, ErrorCodes.E_ACCESSDENIED);
            // The old server accepted the session and created the folders at commit: push a whole file through anyway.
            String id = create.header("BITS-Session-Id");
            if (id != null) {
                fragment(null, path, id, "pwned");
            }
            assertThat(get(path).status).as("GET %s", path).isIn(400, 403);
            assertThat(outsideRoot()).as("after %s", path).isEqualTo(before);
        }
        try (Stream<Path> all = Files.walk(base)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("pwned");
        }
    }

    @Test
    void sessionFolderIsNotReachableThroughEncodedSeparators() throws Exception {
        start("--allow-overwrites");
        String victim = createSession("127.0.0.2", "/victim.bin").header("BITS-Session-Id");
        Reply partial = send("127.0.0.2", "BITS_POST", "/victim.bin", "PARTIAL-SECRET".getBytes(StandardCharsets.US_ASCII),
                "BITS-Packet-Type", "Fragment", "BITS-Session-Id", victim, "Content-Range", "bytes 0-13/100");
        assertThat(partial.status).isEqualTo(200);
        Path sessions = root.resolve("BITS-Sessions");
        List<String> sessionEntries = list(sessions);
        Map<String, Long> state = tree(sessions);
        String encoded = victim.replace("{", "%7B").replace("}", "%7D");
        for (String path : List.of("/BITS-Sessions%2F" + encoded + "%2Frequest.bin", "/bits-sessions%2F" + encoded + "%2Fsession.properties",
                "/BITS-Sessions%2Fx", "/BITS-Sessions%5Cx", "/BITS-Sessions%252Fx", "/BITS-Sessions%2F" + encoded)) {
            Reply get = get(path);
            // The old server served another client's partial upload here.
            assertThat(new String(get.body, StandardCharsets.ISO_8859_1)).as("GET %s", path).doesNotContain("PARTIAL-SECRET");
            assertThat(get.status).as("GET %s", path).isIn(400, 403);
            Reply create = createSession(null, path);
            assertThat(create.status).as("Create-Session %s", path).isIn(400, 403);
            if (create.header("BITS-Session-Id") != null) {
                fragment(null, path, create.header("BITS-Session-Id"), "forged");
            }
        }
        assertThat(list(sessions)).as("no new entry in the session folder").isEqualTo(sessionEntries);
        assertThat(tree(sessions)).as("the victim's session is untouched").isEqualTo(state);
        assertThat(list(root)).containsExactly("BITS-Sessions");
    }

    @Test
    void defaultCapsRefuseOversizeUploadsAndTooManySessionsPerClient() throws Exception {
        start();
        String id = createSession("127.0.0.2", "/big.bin").header("BITS-Session-Id");
        Map<String, Long> before = tree(root);
        Reply big = send("127.0.0.2", "BITS_POST", "/big.bin", "x".getBytes(StandardCharsets.US_ASCII),
                "BITS-Packet-Type", "Fragment", "BITS-Session-Id", id, "Content-Range", "bytes 0-0/" + ((4L << 30) + 1));
        assertThat(big.status).isEqualTo(500);
        assertThat(big.errorCode()).isEqualTo(ErrorCodes.BG_E_TOO_LARGE);
        assertThat(tree(root)).as("the refused fragment wrote nothing").isEqualTo(before);
        for (int i = 1; i < 50; i++) {
            assertThat(createSession("127.0.0.2", "/f" + i + ".bin").status).as("session %d", i + 1).isEqualTo(200);
        }
        before = tree(root);
        Reply refused = createSession("127.0.0.2", "/f51.bin");
        assertThat(refused.status).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo(ErrorCodes.fromHttpStatus(429));
        assertThat(refused.header("BITS-Session-Id")).isNull();
        assertThat(tree(root)).as("a refused Create-Session creates nothing").isEqualTo(before);
        assertThat(createSession("127.0.0.3", "/other.bin").status).as("another client is still served").isEqualTo(200);
    }

    @Test
    void configuredSessionCapsPerClientAndInTotal() throws Exception {
        start("--max-sessions-per-client", "2", "--max-sessions", "3");
        assertThat(createSession("127.0.0.2", "/a1").status).isEqualTo(200);
        assertThat(createSession("127.0.0.2", "/a2").status).isEqualTo(200);
        Map<String, Long> before = tree(root);
        Reply perClient = createSession("127.0.0.2", "/a3");
        assertThat(perClient.status).isEqualTo(429);
        assertThat(perClient.errorCode()).isEqualTo(ErrorCodes.fromHttpStatus(429));
        assertThat(createSession("127.0.0.3", "/b1").status).isEqualTo(200);
        Reply total = createSession("127.0.0.4", "/c1");
        assertThat(total.status).isEqualTo(429);
        assertThat(total.errorCode()).isEqualTo(ErrorCodes.fromHttpStatus(429));
        assertThat(list(root.resolve("BITS-Sessions"))).hasSize(3);
        assertThat(tree(root).keySet()).containsAll(before.keySet());
    }

    @Test
    void closedSessionsGiveTheirSlotBack() throws Exception {
        start("--max-sessions-per-client", "1");
        for (int i = 0; i < 5; i++) {
            String id = createSession("127.0.0.2", "/n" + i + ".txt").header("BITS-Session-Id");
            assertThat(id).as("session %d", i).isNotNull();
            assertThat(fragment("127.0.0.2", "/n" + i + ".txt", id, "hello").status).isEqualTo(200);
            assertThat(send("127.0.0.2", "BITS_POST", "/n" + i + ".txt", new byte[0], "BITS-Packet-Type", "Close-Session",
                    "BITS-Session-Id", id).status).isEqualTo(200);
            assertThat(root.resolve("n" + i + ".txt")).hasContent("hello");
        }
        assertThat(list(root.resolve("BITS-Sessions"))).as("closed sessions leave at most the cap's worth of records").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void maximumUploadSizeFlagRefusesLargerUploadsWritingNothing() throws Exception {
        start("--max-upload-size", "10");
        String id = createSession(null, "/eleven.bin").header("BITS-Session-Id");
        Reply r = send(null, "BITS_POST", "/eleven.bin", "01234567890".getBytes(StandardCharsets.US_ASCII),
                "BITS-Packet-Type", "Fragment", "BITS-Session-Id", id, "Content-Range", "bytes 0-10/11");
        assertThat(r.status).isEqualTo(500);
        assertThat(r.errorCode()).isEqualTo(ErrorCodes.BG_E_TOO_LARGE);
        assertThat(root.resolve("BITS-Sessions").resolve(id).resolve("request.bin")).isEmptyFile();
        assertThat(root.resolve("eleven.bin")).doesNotExist();
        String ok = createSession(null, "/ten.bin").header("BITS-Session-Id");
        assertThat(fragment(null, "/ten.bin", ok, "0123456789").status).isEqualTo(200);
        assertThat(root.resolve("ten.bin")).hasContent("0123456789");
    }

    @Test
    void idleSessionsExpireWithTheirTemporaryFiles() throws Exception {
        start("--session-timeout", "1", "--max-sessions-per-client", "1");
        String id = createSession("127.0.0.2", "/idle.bin").header("BITS-Session-Id");
        assertThat(send("127.0.0.2", "BITS_POST", "/idle.bin", "abc".getBytes(StandardCharsets.US_ASCII), "BITS-Packet-Type", "Fragment",
                "BITS-Session-Id", id, "Content-Range", "bytes 0-2/10").status).isEqualTo(200);
        Path folder = root.resolve("BITS-Sessions").resolve(id);
        assertThat(folder.resolve("request.bin")).hasSize(3);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.exists(folder) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(folder).as("the sweeper removed the idle session and its partial upload").doesNotExist();
        Reply late = send("127.0.0.2", "BITS_POST", "/idle.bin", "def".getBytes(StandardCharsets.US_ASCII), "BITS-Packet-Type", "Fragment",
                "BITS-Session-Id", id, "Content-Range", "bytes 3-5/10");
        assertThat(late.status).isEqualTo(500);
        assertThat(late.errorCode()).isEqualTo(ErrorCodes.BG_E_SESSION_NOT_FOUND);
        assertThat(createSession("127.0.0.2", "/next.bin").status).as("the expired session's slot is free").isEqualTo(200);
    }

    private void start(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--root", root.toString(), "--port", "0"));
        args.addAll(List.of(flags));
        server = ServerCommandLine.build(args.toArray(String[]::new)).start();
    }

    private Reply createSession(String from, String path) throws IOException {
        return send(from, "BITS_POST", path, new byte[0], "BITS-Packet-Type", "Create-Session", "BITS-Supported-Protocols", PROTOCOL);
    }

    /** The whole file in one Fragment. */
    private Reply fragment(String from, String path, String id, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.US_ASCII);
        return send(from, "BITS_POST", path, data, "BITS-Packet-Type", "Fragment", "BITS-Session-Id", id,
                "Content-Range", "bytes 0-" + (data.length - 1) + "/" + data.length);
    }

    private Reply get(String path) throws IOException {
        return send(null, "GET", path, null);
    }

    /** One request on its own connection, from a chosen loopback address (127.0.0.x are distinct clients). */
    private Reply send(String from, String method, String target, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket s = new Socket()) {
            if (from != null) {
                s.bind(new InetSocketAddress(from, 0));
            }
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                s.getOutputStream().write(body);
            }
            s.getOutputStream().flush();
            return Reply.parse(s.getInputStream());
        }
    }

    /** Every path under the temp folder except the root's subtree, with its size (-1 for folders). */
    private Map<String, Long> outsideRoot() throws IOException {
        Map<String, Long> all = tree(base);
        all.keySet().removeIf(k -> k.equals("root") || k.startsWith("root/"));
        return all;
    }

    private static Map<String, Long> tree(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.isDirectory(p) ? -1 : Files.size(p));
            }
        }
        return out;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A parsed HTTP response (headers case-insensitive). */
    private record Reply(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        Integer errorCode() {
            String v = headers.get("BITS-Error-Code");
            return v == null ? null : Integer.parseUnsignedInt(v.toLowerCase(Locale.ROOT).replaceFirst("^0x", ""), 16);
        }

        static Reply parse(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in: %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
            byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }
}
