package org.drizzle.engine.bandwidth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes a test server's TCP connection has delivered, read from the kernel's view of the
 * server's own socket ({@code ss -ti}: {@code bytes_acked}, what the client's TCP acknowledged).
 * Counting bytes the server application wrote would include whatever sits in its send buffer,
 * which Linux grows to megabytes and drains in bursts; the acknowledged count differs from what
 * the client read by at most the client's (small, fixed) receive buffer.
 */
public final class ServerSideBytes {
    private static final Path SS = Path.of("/usr/bin/ss");
    private static final Pattern ACKED = Pattern.compile("bytes_acked:(\\d+)");
    private static final Pattern PEER = Pattern.compile(":(\\d+)\\s*$");

    private ServerSideBytes() {
    }

    public static boolean available() {
        return Files.isExecutable(SS);
    }

    /** bytes_acked of every established server socket on {@code serverPort}, by client port. */
    public static Map<Integer, Long> ackedByConnection(int serverPort) throws IOException {
        Map<Integer, Long> out = new HashMap<>();
        Integer port = null;
        for (String line : ss("-tinH", "state", "established", "( sport = :" + serverPort + " )")) {
            Matcher peer = PEER.matcher(line.trim());
            Matcher acked = ACKED.matcher(line);
            if (acked.find() && port != null) {
                out.put(port, Long.parseLong(acked.group(1)));
                port = null;
            } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && peer.find()) {
                // A connection line ("0 0 127.0.0.1:8080 127.0.0.1:41234"); its details follow indented.
                port = Integer.parseInt(peer.group(1));
            }
        }
        return out;
    }

    /**
     * Bytes per second all of the server's connections delivered over {@code millis}; a
     * connection opened meanwhile counts from zero.
     */
    public static double rate(int serverPort, long millis) throws IOException, InterruptedException {
        Map<Integer, Long> before = ackedByConnection(serverPort);
        long start = System.nanoTime();
        Thread.sleep(millis);
        Map<Integer, Long> after = ackedByConnection(serverPort);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            bytes += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return bytes / seconds;
    }

    private static List<String> ss(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(SS.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.lines().toList();
    }
}
