package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.service.DrizzleService;
import org.drizzle.engine.service.LocalEngineHost;
import org.drizzle.engine.service.Protocol;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.service.ServiceMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5, played as a hostile local user against the real machine service on a
 * temporary socket and store: 150 connections that each announce a 4 MiB frame and send half of
 * it (a Python client run as a throwaway user), and a connection that sends two bytes and then
 * nothing. The service must stay small, refuse the connections over the per-user cap, close the
 * slow ones at their deadlines, and keep answering everyone else within a second.
 */
class ServiceExhaustionSecurityTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long MIB = 1024 * 1024;

    /** Opens N connections, each: hello, then a 4 MiB frame header and 2 MiB of it; holds them until stdin closes. */
    private static final String ATTACK = """
            import json, socket, struct, sys
            path, n = sys.argv[1], int(sys.argv[2])
            hello = json.dumps({"type": "hello", "version": 1}).encode()
            half = b"x" * (2 * 1024 * 1024)
            held, refused, busy = [], 0, 0
            for i in range(n):
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.settimeout(5)
                try:
                    s.connect(path)
                    s.sendall(struct.pack(">I", len(hello)) + hello)
                    s.sendall(struct.pack(">I", 4 * 1024 * 1024))
                    s.sendall(half)
                    held.append(s)
                except OSError:
                    refused += 1
                    try:
                        if b"maxConnectionsPerUser" in s.recv(65536):
                            busy += 1
                    except OSError:
                        pass
                    s.close()
            print(json.dumps({"held": len(held), "refused": refused, "busy": busy}), flush=True)
            sys.stdin.read()
            """;

    @Test
    void halfSentFramesFromOneUserCostLittleAndOthersAreStillServedWithinASecond(@TempDir Path dir) throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates a user and runs the machine service");
        assumeTrue(Files.isExecutable(PYTHON), "the hostile client is a Python script (" + PYTHON + ")");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/service.json"), "{\"helloTimeoutSeconds\": 2, \"frameTimeoutSeconds\": 4}");
        Path script = dir.resolve("attack.py");
        Files.writeString(script, ATTACK);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        DrizzleService service = machineService(dir);
        try (ThrowawayUsers users = new ThrowawayUsers()) {
            Account eve = users.create("dzwr");
            Path socket = service.config().socket();
            long before = slowestCall(socket); // also loads the client classes, so the figure below is the attack's
            long rss0 = status("VmRSS");
            long threads0 = status("Threads");
            Process attack = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + eve.uid(), "--regid=" + eve.gid(), "--clear-groups",
                    PYTHON.toString(), script.toString(), socket.toString(), "150")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(attack.getInputStream(), StandardCharsets.UTF_8));
                String summary = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (java.io.IOException e) {
                        return null;
                    }
                }).get(120, TimeUnit.SECONDS);
                JsonNode s = Protocol.mapper().readTree(summary);
                Thread.sleep(500);
                long rss1 = status("VmRSS");
                long threads1 = status("Threads");
                long worst = slowestCall(socket);
                System.out.printf("[item 5] 150 half-sent 4 MiB frames: %s; service RSS %d -> %d MiB, threads %d -> %d;"
                        + " another user's slowest connect+listJobs %d ms (before the attack %d ms)%n", summary, rss0 / 1024,
                        rss1 / 1024, threads0, threads1, worst / 1_000_000, before / 1_000_000);
                assertThat(s.get("held").asInt()).as("connections eve holds").isLessThanOrEqualTo(32);
                assertThat(s.get("busy").asInt()).as("refusals naming the per-user cap").isGreaterThanOrEqualTo(100);
                assertThat((rss1 - rss0) * 1024).as("RSS growth").isLessThan(256 * MIB);
                assertThat(threads1 - threads0).as("thread growth").isLessThan(100);
                assertThat(Duration.ofNanos(worst)).as("another user's slowest call").isLessThan(Duration.ofSeconds(1));
                // the half-sent frames are dropped at the frame deadline (4 s here) and their threads end
                await().atMost(Duration.ofSeconds(15)).until(() -> status("Threads") - threads0 < 10);
            } finally {
                attack.getOutputStream().close();
                attack.waitFor(10, TimeUnit.SECONDS);
                attack.destroyForcibly();
            }
        } finally {
            service.stop();
        }
    }

    @Test
    void aFewGarbageBytesDoNotHoldAConnectionOpen(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/service.json"), "{\"helloTimeoutSeconds\": 2}");
        DrizzleService service = new DrizzleService(ServiceConfig.defaults(ServiceMode.USER)
                .withPaths(dir.resolve("store"), dir.resolve("run/drizzle.sock"), dir.resolve("etc"))
                .withSessions("none", null, Set.of()).withFileSettings(), LocalEngineHost.factory());
        service.start();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(service.config().socket()));
            ch.write(ByteBuffer.wrap(new byte[] {0, 7}));
            long t0 = System.nanoTime();
            int read = CompletableFuture.supplyAsync(() -> {
                try {
                    return ch.read(ByteBuffer.allocate(16));
                } catch (java.io.IOException e) {
                    return -2;
                }
            }).get(20, TimeUnit.SECONDS);
            assertThat(read).as("the service hangs up").isNegative();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            service.stop();
        }
    }

    /** The slowest of five fresh connections (as root, another user than the attacker) each listing every job. */
    private static long slowestCall(Path socket) throws Exception {
        long worst = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (RemoteEngine root = RemoteEngine.connect(socket)) {
                assertThat(root.listJobs(true)).isEmpty();
            }
            worst = Math.max(worst, System.nanoTime() - t0);
        }
        return worst;
    }

    private static DrizzleService machineService(Path dir) throws Exception {
        ServiceConfig config = ServiceConfig.defaults(ServiceMode.MACHINE)
                .withPaths(dir.resolve("store"), dir.resolve("run/drizzle.sock"), dir.resolve("etc"))
                .withSessions("none", null, Set.of()).withFileSettings();
        DrizzleService service = new DrizzleService(config, LocalEngineHost.factory());
        service.start();
        return service;
    }

    /** A field of /proc/self/status in its own unit (kB for VmRSS). */
    static long status(String field) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException(field);
    }
}
