package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path fuzzer for the upload server: request paths built from encoded and double-encoded
 * separators and dots, backslashes, NUL, colons, overlong UTF-8, fullwidth and other Unicode
 * look-alikes, the session folder's names and over-long names, sent over raw sockets to the
 * real server on 127.0.0.1 as a whole upload (Create-Session, Fragment, Close-Session) and as a
 * GET. After every path the file system is listed: nothing outside the root changes, the
 * session folder holds only session folders, and no response carries a byte from outside the
 * root or from another client's partial upload. An independent decoder is the oracle: a path
 * whose segments decode to a dot name, a separator, malformed UTF-8 or the session folder
 * must be refused, and an accepted upload must land exactly at its decoded name.
 */
class UploadPathFuzzTest {
    private static final long BUDGET_MILLIS = 25_000;
    private static final int PATHS = 600;
    private static final String PROTOCOL = "{7df0354d-249b-430f-820d-3d2a9bef4931}";
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern SESSION = Pattern.compile("BITS-Session-Id: (\\{[0-9A-F-]{36}\\})");
    private static final Pattern GUID_FOLDER = Pattern.compile("\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\\}");
    /** Pieces a segment is glued from. */
    private static final List<String> ATOMS = List.of(
            "..", ".", "%2e%2e", "%2E%2E", "%2e.", ".%2e", "%252e%252e", "%25%32%65", "%%32%65",
            "%2f", "%2F", "%5c", "%5C", "%252f", "%252F", "%255c", "%25%32%66", "\\", "%00", "%3a", ":", "%3A",
            "%c0%ae", "%c0%ae%c0%ae", "%e0%80%ae", "%c0%af", "%e0%80%af", "%f0%80%80%af", "%c1%9c", "%c0%80",
            "%ef%bc%8e%ef%bc%8e", "%ef%bc%8f", "%ef%bc%bc", "%e2%80%a5", "%e2%88%95", "%ef%b9%a8", "%u002e", "%u2215",
            "BITS-Sessions", "bits-sessions", "%42ITS-Sessions", "BITS-S~1", "%ef%bc%a2ITS-Sessions", "Replies",
            "pwned", "a", "nx1", "nx2", "x.txt", "outside", "CON", "%20", "~", "%", "%zz", "a".repeat(130));
    /** Legal names, so that some fuzzed paths upload and their landing place is checked. */
    private static final List<String> NAMES = List.of("a", "nx1", "pwned", "x.txt", "BITS-S~1", "Replies", "%41b", "caf%c3%a9",
            "%e2%80%a5x", "..x", "x..", ".hidden", "%2e%2e%2ex", "BITS-Sessions-2", "outside");
    private static final List<String> KNOWN = List.of(
            "/up/nx1%2Fnx2%2F..%2F..%2F..%2Fpwned%2Fy", "/up/BITS-Sessions%2Fx", "/up/BITS-Sessions%5Cx",
            "/up/%2e%2e%2f%2e%2e%2foutside%2fsecret.txt", "/up/%252e%252e%252foutside", "/up/..%c0%af..%c0%afpwned",
            "/up/%c0%ae%c0%ae/pwned", "/up/%ef%bc%8e%ef%bc%8e%ef%bc%8fpwned", "/up/nx1\\..\\..\\pwned", "/up/C:%5Cpwned",
            "/up/x%00%2F..%2F..%2Fpwned", "/up/BITS-Sessions/Replies/x/responsefile.bin", "/up/%42ITS-Sessions/x");

    @TempDir
    Path base;

    @Test
    void noPathWritesOrReadsOutsideTheRoot() throws IOException {
        Path root = Files.createDirectories(base.resolve("root"));
        Files.writeString(Files.createDirectories(base.resolve("outside")).resolve("secret.txt"), "OUTSIDE-SECRET");
        // Default caps: every session is closed, so its slot is reclaimed when the per-client cap is reached.
        try (BitsServer server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/up", root).withAllowOverwrites(true))
                .build().start()) {
            int port = server.port();
            String victim = session(port, "/up/victim.bin");
            assertThat(status(exchange(port, "BITS_POST", "/up/victim.bin", "PARTIAL-SECRET", "BITS-Packet-Type: Fragment",
                    "BITS-Session-Id: " + victim, "Content-Range: bytes 0-13/100"))).isEqualTo(200);
            Map<String, Long> outside = outsideRoot();
            Random rnd = new Random(20261206L);
            List<String> paths = new ArrayList<>(KNOWN);
            while (paths.size() < PATHS) {
                paths.add(randomPath(rnd));
            }
            long deadline = System.currentTimeMillis() + BUDGET_MILLIS;
            int tried = 0;
            int accepted = 0;
            for (String path : paths) {
                if (System.currentTimeMillis() > deadline) {
                    break;
                }
                String expected = Oracle.fileFor(path);
                String create = exchange(port, "BITS_POST", path, "", "BITS-Packet-Type: Create-Session",
                        "BITS-Supported-Protocols: " + PROTOCOL);
                Matcher id = SESSION.matcher(create);
                if (status(create) == 200 && id.find()) {
                    assertThat(expected).as("the server accepted the unsafe path %s", path).isNotNull();
                    String fragment = exchange(port, "BITS_POST", path, "fuzz", "BITS-Packet-Type: Fragment",
                            "BITS-Session-Id: " + id.group(1), "Content-Range: bytes 0-3/4");
                    if (status(fragment) == 200) {
                        accepted++;
                        assertThat(root.resolve(expected)).as("upload to %s lands at its decoded name", path).hasContent("fuzz");
                    }
                    exchange(port, "BITS_POST", path, "", "BITS-Packet-Type: Close-Session", "BITS-Session-Id: " + id.group(1));
                } else {
                    assertThat(status(create)).as("Create-Session %s", path).isBetween(400, 499);
                }
                String get = exchange(port, "GET", path, null);
                assertThat(get).as("GET %s", path).doesNotContain("OUTSIDE-SECRET").doesNotContain("PARTIAL-SECRET");
                if (expected == null) {
                    assertThat(status(get)).as("GET %s", path).isBetween(400, 499);
                }
                assertThat(outsideRoot()).as("outside the root after %s", path).isEqualTo(outside);
                assertSessionFolderHoldsOnlySessions(root);
                tried++;
            }
            assertThat(tried).as("paths tried within the time budget").isGreaterThan(200);
            assertThat(accepted).as("some fuzzed paths are legal names, so uploads did happen").isGreaterThan(20);
        }
        try (Stream<Path> all = Files.walk(root)) {
            Path realRoot = root.toRealPath();
            for (Path p : all.toList()) {
                assertThat(Files.isSymbolicLink(p)).isFalse();
                assertThat(p.toRealPath().startsWith(realRoot)).as(p.toString()).isTrue();
            }
        }
    }

    private static String randomPath(Random rnd) {
        StringBuilder path = new StringBuilder("/up");
        int segments = 1 + rnd.nextInt(4);
        for (int i = 0; i < segments; i++) {
            path.append('/');
            if (rnd.nextBoolean()) {
                path.append(NAMES.get(rnd.nextInt(NAMES.size())));
                continue;
            }
            int atoms = 1 + rnd.nextInt(4);
            for (int j = 0; j < atoms; j++) {
                path.append(ATOMS.get(rnd.nextInt(ATOMS.size())));
            }
        }
        if (rnd.nextInt(8) == 0) {
            path.append("?q=").append(ATOMS.get(rnd.nextInt(ATOMS.size())));
        }
        return path.toString();
    }

    private Map<String, Long> outsideRoot() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : walk.toList()) {
                String rel = base.relativize(p).toString();
                if (!rel.equals("root") && !rel.startsWith("root" + p.getFileSystem().getSeparator())) {
                    out.put(rel, Files.isDirectory(p) ? -1 : Files.size(p));
                }
            }
        }
        return out;
    }

    private static void assertSessionFolderHoldsOnlySessions(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve(RemotePaths.SESSIONS_FOLDER))) {
            for (Path p : entries.toList()) {
                assertThat(p.getFileName().toString()).matches(GUID_FOLDER);
                try (Stream<Path> files = Files.list(p)) {
                    assertThat(files.map(f -> f.getFileName().toString())).isSubsetOf("session.properties", "request.bin");
                }
            }
        }
    }

    private static String session(int port, String path) {
        Matcher m = SESSION.matcher(exchange(port, "BITS_POST", path, "", "BITS-Packet-Type: Create-Session",
                "BITS-Supported-Protocols: " + PROTOCOL));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static int status(String response) {
        Matcher m = STATUS.matcher(response);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** One request on its own connection; the request line carries the path exactly as given. */
    private static String exchange(int port, String method, String path, String body, String... headers) {
        StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String header : headers) {
            h.append(header).append("\r\n");
        }
        if (body != null) {
            h.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        h.append("\r\n").append(body == null ? "" : body);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** An independent reading of a request path, written from the rules, not from RemotePaths. */
    static final class Oracle {
        private Oracle() {
        }

        /**
         * The file below the root a path may name ({@code a/b}), or null when the path must be
         * refused: a segment that decodes to nothing, a dot name, a separator, a control
         * character, a {@code %} (double encoding) or invalid UTF-8, in its plain or
         * compatibility form, or a first segment naming the session folder.
         */
        static String fileFor(String path) {
            int q = path.indexOf('?');
            String rel = (q >= 0 ? path.substring(0, q) : path).substring("/up/".length());
            List<String> names = new ArrayList<>();
            for (String raw : rel.split("/", -1)) {
                String name = decode(raw);
                if (name == null || unsafe(name) || unsafe(Normalizer.normalize(name, Normalizer.Form.NFKC))) {
                    return null;
                }
                names.add(name);
            }
            if (Normalizer.normalize(names.get(0), Normalizer.Form.NFKC).equalsIgnoreCase("BITS-Sessions")) {
                return null;
            }
            return String.join("/", names);
        }

        private static boolean unsafe(String name) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                return true;
            }
            for (char c : name.toCharArray()) {
                if (c == '/' || c == '\\' || c == ':' || c == '%' || c < 0x20 || c == 0x7f) {
                    return true;
                }
            }
            return false;
        }

        private static String decode(String s) {
            ByteBuffer out = ByteBuffer.allocate(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '%') {
                    if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                        return null;
                    }
                    out.put((byte) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                } else if (c < 0x80) {
                    out.put((byte) c);
                } else {
                    return null;
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(out.flip()).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}
