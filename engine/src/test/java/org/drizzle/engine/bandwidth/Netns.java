package org.drizzle.engine.bandwidth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A throw-away test network: four namespaces joined by a bridge, with addresses only inside
 * them. The server's link is shaped with tbf so it is the bottleneck all flows share.
 *
 * <pre>
 *  [S: server 10.123.0.1, tbf on vS] --- [R: bridge br0] --- [C: Drizzle 10.123.0.2]
 *                                                       \--- [O: another host 10.123.0.3]
 * </pre>
 * A foreground flow in C crosses Drizzle's own NIC (its counters see it); one in O shares only
 * the server's link (the bottleneck is beyond Drizzle's NIC). Child JVMs run in a namespace
 * through {@code ip netns exec}, which also gives them that namespace's /sys/class/net.
 * {@link #close} kills every child and deletes the namespaces (and with them the links).
 */
final class Netns implements AutoCloseable {
    static final String SERVER_IP = "10.123.0.1";

    final String s;
    final String r;
    final String c;
    final String o;
    private final List<Process> children = new CopyOnWriteArrayList<>();

    /** Root and the ip/tc tools are needed. */
    static boolean available() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/ip"))
                && (Files.isExecutable(Path.of("/usr/sbin/tc")) || Files.isExecutable(Path.of("/sbin/tc")));
    }

    Netns() throws IOException, InterruptedException {
        String tag = Long.toHexString(ProcessHandle.current().pid() & 0xffff) + Integer.toHexString((int) (Math.random() * 256));
        s = "dzS" + tag;
        r = "dzR" + tag;
        c = "dzC" + tag;
        o = "dzO" + tag;
        try {
            for (String ns : List.of(s, r, c, o)) {
                run("ip", "netns", "add", ns);
                run("ip", "-n", ns, "link", "set", "lo", "up");
            }
            veth(s, "vS", "rS", SERVER_IP);
            veth(c, "vC", "rC", "10.123.0.2");
            veth(o, "vO", "rO", "10.123.0.3");
            run("ip", "-n", r, "link", "add", "br0", "type", "bridge");
            for (String port : List.of("rS", "rC", "rO")) {
                run("ip", "-n", r, "link", "set", port, "master", "br0");
                run("ip", "-n", r, "link", "set", port, "up");
            }
            run("ip", "-n", r, "link", "set", "br0", "up");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void veth(String ns, String inside, String bridgeSide, String ip) throws IOException, InterruptedException {
        run("ip", "link", "add", inside, "netns", ns, "type", "veth", "peer", "name", bridgeSide, "netns", r);
        run("ip", "-n", ns, "addr", "add", ip + "/24", "dev", inside);
        run("ip", "-n", ns, "link", "set", inside, "up");
    }

    /** Shapes everything the server sends (the shared bottleneck) with tbf. */
    void shapeServer(String rate, String latency) throws IOException, InterruptedException {
        run("ip", "netns", "exec", s, "tc", "qdisc", "replace", "dev", "vS", "root", "tbf", "rate", rate,
                "burst", "32kb", "latency", latency);
    }

    /** {@code ip link set <dev> up|down} inside a namespace. */
    void link(String ns, String dev, boolean up) throws IOException, InterruptedException {
        run("ip", "-n", ns, "link", "set", dev, up ? "up" : "down");
    }

    /**
     * Starts {@code mainClass} in a JVM inside {@code ns} with this JVM's class path; every
     * output line goes to {@code lines}.
     */
    Process java(String ns, Class<?> mainClass, Consumer<String> lines, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "--add-opens", "java.base/java.net=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        children.add(p);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // The child is gone; its exit is noticed by the test.
            }
        }, "netns-" + mainClass.getSimpleName());
        pump.setDaemon(true);
        pump.start();
        return p;
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
        }
    }

    @Override
    public void close() {
        for (Process p : children) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : children) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String ns : List.of(s, r, c, o)) {
            if (ns == null) {
                continue;
            }
            try {
                run("ip", "netns", "del", ns);
            } catch (IOException | InterruptedException e) {
                // Not created (set-up failed early) or already gone.
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "netns %s/%s/%s/%s", s, r, c, o);
    }
}
