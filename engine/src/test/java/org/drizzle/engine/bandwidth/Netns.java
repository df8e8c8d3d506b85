package org.drizzle.engine.bandwidth;

import static org.drizzle.engine.SystemCommand.run;

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
 * A throw-away test network: four namespaces, with addresses only inside them. The path from
 * the server is shaped with tbf so it is the bottleneck all flows share.
 *
 * <pre>
 *  [S: server 10.123.1.1] --- [R: router; tbf on bridge br0] --- [C: Drizzle 10.123.0.2]
 *                                                          \--- [O: another host 10.123.0.3]
 * </pre>
 * R routes (see {@link #shapeServer} for why it must). A foreground flow in C crosses
 * Drizzle's own NIC (its counters see it); one in O shares only the bottleneck (it is beyond
 * Drizzle's NIC). Child JVMs run in a namespace through {@code ip netns exec}, which also gives
 * them that namespace's /sys/class/net. {@link #close} kills every child and deletes the
 * namespaces (and with them the links).
 */
final class Netns implements AutoCloseable {
    static final String SERVER_IP = "10.123.1.1";
    /** The shared bottleneck's rate (a DSL line or busy Wi-Fi). */
    static final String RATE = "20mbit";
    /** How long a packet may wait in its queue: a home router's deep buffer. */
    static final String QUEUE = "300ms";

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
            // R routes between the server's subnet and the clients' bridge, answering ARP for
            // the far side (proxy ARP), so every host reaches the other subnet through an
            // on-link /16 route that survives its link going down and up (a gateway route does not).
            run("ip", "-n", r, "link", "add", "br0", "type", "bridge");
            for (String port : List.of("rC", "rO")) {
                run("ip", "-n", r, "link", "set", port, "master", "br0");
                run("ip", "-n", r, "link", "set", port, "up");
            }
            run("ip", "-n", r, "link", "set", "rS", "up");
            run("ip", "-n", r, "link", "set", "br0", "up");
            run("ip", "-n", r, "addr", "add", "10.123.1.254/24", "dev", "rS");
            run("ip", "-n", r, "addr", "add", "10.123.0.254/24", "dev", "br0");
            run("ip", "netns", "exec", r, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1",
                    "net.ipv4.conf.rS.proxy_arp=1", "net.ipv4.conf.br0.proxy_arp=1",
                    // Answer at once: the default random delay (up to 0.8 s) can cost a SYN.
                    "net.ipv4.neigh.rS.proxy_delay=0", "net.ipv4.neigh.br0.proxy_delay=0");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void veth(String ns, String inside, String bridgeSide, String ip) throws IOException, InterruptedException {
        run("ip", "link", "add", inside, "netns", ns, "type", "veth", "peer", "name", bridgeSide, "netns", r);
        run("ip", "-n", ns, "addr", "add", ip + "/16", "dev", inside);
        run("ip", "-n", ns, "link", "set", inside, "up");
    }

    /**
     * Shapes everything the server sends (the shared bottleneck) with tbf on the router's side
     * facing the clients, as a DSL modem or WAN router would. The queue must be on another host
     * that routes: a packet queued in the sender's own qdisc, or forwarded by a mere bridge,
     * still belongs to its socket and counts against TCP Small Queues, which starves a newly
     * arriving flow to a few packets per queue drain (about 1 Mbit/s here), unlike any real
     * path; IP forwarding in R drops that reference.
     */
    void shapeServer(String rate, String latency) throws IOException, InterruptedException {
        run("tc", "-n", r, "qdisc", "replace", "dev", "br0", "root", "tbf", "rate", rate, "burst", "32kb",
                "latency", latency);
    }

    /**
     * The congestion control the server uses for everything it sends (both flows), set per
     * socket by {@link NetnsServer}: "cubic" (Linux's default, loss-based: fills the
     * bottleneck's queue) or "bbr" (keeps it short); null leaves the kernel's default.
     */
    String serverCongestion;

    /** Whether the kernel offers congestion control {@code name} (built in or loaded as a module). */
    static boolean congestionControlAvailable(String name) {
        try {
            String offered = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control"));
            return List.of(offered.trim().split("\\s+")).contains(name);
        } catch (IOException e) {
            return false;
        }
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
