package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.server.BitsServer;
import org.drizzle.engine.server.VirtualDirectory;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BITS-Host-Id and BITS-Host-Id-Fallback-Timeout ([MC-BUP] 1.3.4.2, 2.2.3.2) on real sockets.
 * A host id names a host, not a port, so the farm node must be another loopback address on
 * the same port: the test runs in a network namespace of its own ({@link LoopbackNamespace};
 * as root) or else on the host's loopback. The original server name is 127.0.0.1, a working
 * farm node 127.0.0.2 (same port), a dead node 127.0.0.3 (an unreachable route in the
 * namespace, a refused port on the host) and a broken node 127.0.0.4 that accepts and resets
 * every connection ({@link ResettingNode}). The names in front of the one Drizzle server are
 * recording proxies, i.e. a farm on shared storage; the server announces the host id.
 */
class HostIdFailoverTest {
    @TempDir
    Path tmp;
    LoopbackNamespace ns;
    BitsServer server;
    FaultProxy origin;
    FaultProxy node;
    ResettingNode resetting;

    @BeforeEach
    void namespace() throws Exception {
        ns = LoopbackNamespace.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (ns == null) {
            return;
        }
        try {
            ns.call(() -> {
                for (AutoCloseable c : new AutoCloseable[] {origin, node, resetting, server}) {
                    if (c != null) {
                        c.close();
                    }
                }
                return null;
            });
        } finally {
            ns.close();
        }
    }

    /**
     * Starts the farm inside the namespace: the server announcing {@code hostId}, the origin
     * proxy, and on the same port the node proxy (a working id) or the resetting node.
     */
    private void farm(String hostId, Long fallbackSeconds) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        ns.call(() -> {
            server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/upload", root))
                    .hostId(hostId, fallbackSeconds).build().start();
            origin = new FaultProxy(server.baseUri());
            if (hostId.equals(LoopbackNamespace.NODE)) {
                node = new FaultProxy(server.baseUri(), InetAddress.getByName(LoopbackNamespace.NODE), origin.port());
            } else if (hostId.equals(LoopbackNamespace.RESETTING)) {
                resetting = new ResettingNode(InetAddress.getByName(LoopbackNamespace.RESETTING), origin.port());
            }
            return null;
        });
    }

    private Path source(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(Files.createDirectories(tmp.resolve("client")).resolve(name), data);
    }

    private SavedStateSession session(String name, Path source) throws IOException {
        return new SavedStateSession(tmp.resolve("state-" + name), origin.uri("/upload/" + name + ".bin"), source);
    }

    /** One run of the transport inside the namespace, as the scheduler would start it. */
    private void transfer(BitsUploadTransport transport, SavedStateSession s) throws Exception {
        ns.call(() -> {
            transport.transfer(s);
            return null;
        });
    }

    /**
     * Runs the transport as the scheduler would until the upload completes: each run retries
     * an unreachable node a few times, then a transient error waits for the next run; the
     * fallback timer spans runs because it is stored. Returns the first run's failure.
     */
    private TransferException transferUntilDone(SavedStateSession s, String hostId) throws Exception {
        TransferException firstFailure = null;
        for (int runs = 1; ; runs++) {
            try (BitsUploadTransport engine = new BitsUploadTransport()) {
                transfer(engine, s);
                return firstFailure;
            } catch (TransferException e) {
                assertThat(e.isTransient()).as(e.getMessage()).isTrue();
                assertThat(s.state(UploadState.HOST_ID)).as("still bound to the node before the timeout").isEqualTo(hostId);
                assertThat(s.state(UploadState.HOST_FAILING_SINCE)).as("the fallback timer is stored").isNotNull();
                firstFailure = firstFailure == null ? e : firstFailure;
                assertThat(runs).as("gave up falling back").isLessThan(6);
            }
        }
    }

    private Path uploaded(String name) {
        return tmp.resolve("root").resolve(name);
    }

    @Test
    void aReachableHostIdTakesTheSessionAfterAPingAndKeepsItAcrossAnEngineRestart() throws Exception {
        farm(LoopbackNamespace.NODE, 60L);
        Path src = source("farm.bin", 2_000_000);
        SavedStateSession first = session("farm", src);
        first.stopWhen = offset -> offset > 0;
        try (BitsUploadTransport engine1 = new BitsUploadTransport()) {
            assertThatThrownBy(() -> transfer(engine1, first)).isInstanceOf(TransferStoppedException.class);
        }
        assertThat(origin.packets).extracting(FaultProxy.Packet::type).as("only Create-Session goes to the original name")
                .containsExactly("Create-Session");
        assertThat(node.packets).extracting(FaultProxy.Packet::type).as("Ping right after switching, then Fragments")
                .startsWith("Ping", "Fragment");
        assertThat(node.hosts).allMatch(h -> h.startsWith(LoopbackNamespace.NODE + ":"));
        assertThat(first.state(UploadState.HOST_ID)).isEqualTo(LoopbackNamespace.NODE);
        assertThat(first.state(UploadState.HOST_FALLBACK_SECONDS)).isEqualTo("60");
        int nodePackets = node.packets.size();

        // A new engine process: a new transport, the state read back from disk.
        SavedStateSession resumed = new SavedStateSession(tmp.resolve("state-farm"), origin.uri("/upload/farm.bin"), src);
        assertThat(resumed.state(UploadState.HOST_ID)).isEqualTo(LoopbackNamespace.NODE);
        try (BitsUploadTransport engine2 = new BitsUploadTransport()) {
            transfer(engine2, resumed);
        }
        assertThat(uploaded("farm.bin")).hasSameBinaryContentAs(src);
        assertThat(origin.packets).as("the resumed upload never returns to the original name").hasSize(1);
        assertThat(node.packets.subList(nodePackets, node.packets.size())).extracting(FaultProxy.Packet::type)
                .as("the resumed session is pinged at the node, continued and closed there")
                .startsWith("Ping", "Fragment").endsWith("Close-Session").doesNotContain("Create-Session");
        assertThat(node.packets.get(nodePackets + 1).contentRange()).as("resumes from the stored offset, not 0")
                .doesNotStartWith("bytes 0-");
        assertThat(resumed.state(UploadState.HOST_ID)).isNull();
    }

    @Test
    void anUnreachableHostIdIsRetriedForTheFallbackTimeoutThenTheOriginalNameCompletesTheUpload() throws Exception {
        farm(LoopbackNamespace.UNREACHABLE, 2L);
        Path src = source("fallback.bin", 300_000);
        SavedStateSession s = session("fallback", src);
        long started = System.nanoTime();
        TransferException firstFailure = transferUntilDone(s, LoopbackNamespace.UNREACHABLE);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(firstFailure).as("the first run cannot finish within the 2 s timeout").isNotNull();
        assertThat(firstFailure.code()).isNotEqualTo(ErrorCodes.BG_E_SESSION_NOT_FOUND);
        assertThat(seconds).as("fell back only after the 2 s fallback timeout").isGreaterThanOrEqualTo(2.0).isLessThan(30.0);
        assertThat(uploaded("fallback.bin")).hasSameBinaryContentAs(src);
        assertThat(origin.packets).extracting(FaultProxy.Packet::type)
                .as("Create-Session, then after the fallback the same session continues at the original name")
                .startsWith("Create-Session", "Ping", "Fragment").endsWith("Close-Session");
        assertThat(origin.packets).extracting(FaultProxy.Packet::sessionId).as("one session throughout")
                .containsOnly(null, origin.packets.get(1).sessionId());
        assertThat(s.state(UploadState.HOST_ID)).isNull();
        assertThat(s.state(UploadState.HOST_FAILING_SINCE)).isNull();
    }

    @Test
    void aNodeThatResetsEveryConnectionIsTriedUntilTheFallbackTimeoutThenNeverAgain() throws Exception {
        farm(LoopbackNamespace.RESETTING, 2L);
        Path src = source("reset.bin", 300_000);
        SavedStateSession s = session("reset", src);
        TransferException firstFailure = transferUntilDone(s, LoopbackNamespace.RESETTING);

        assertThat(firstFailure).as("the first run cannot finish within the 2 s timeout").isNotNull();
        assertThat(uploaded("reset.bin")).hasSameBinaryContentAs(src);
        long created = origin.packets.get(0).nanos();
        FaultProxy.Packet back = origin.packets.get(1);
        assertThat(origin.packets.get(0).type()).isEqualTo("Create-Session");
        assertThat(back.type()).as("the first packet back at the original name").isEqualTo("Ping");
        assertThat(resetting.attempts).as("the client went to the host id right after Create-Session, and retried it")
                .hasSizeGreaterThan(1).allMatch(t -> t > created);
        long firstTry = resetting.attempts.get(0);
        assertThat((back.nanos() - firstTry) / 1e9).as("seconds from the first failed try of the node to the fallback")
                .isGreaterThanOrEqualTo(2.0).isLessThan(30.0);
        assertThat(resetting.attempts).as("no try of the node after falling back").allMatch(t -> t < back.nanos());
        assertThat(origin.packets).extracting(FaultProxy.Packet::type).contains("Fragment").endsWith("Close-Session")
                .doesNotContain("Cancel-Session").filteredOn("Create-Session"::equals).hasSize(1);
        assertThat(s.state(UploadState.HOST_ID)).isNull();
    }

    @Test
    void withoutAFallbackTimeoutTheClientNeverReturnsToTheOriginalName() throws Exception {
        farm(LoopbackNamespace.UNREACHABLE, null);
        Path src = source("sticky.bin", 300_000);
        SavedStateSession s = session("sticky", src);
        long started = System.nanoTime();
        for (int run = 1; run <= 2; run++) {
            try (BitsUploadTransport engine = new BitsUploadTransport()) {
                TransferException e = null;
                try {
                    transfer(engine, s);
                } catch (TransferException t) {
                    e = t;
                }
                assertThat(e).as("run %d must end in a transient error (the job goes to TRANSIENT_ERROR and is retried)", run)
                        .isNotNull();
                assertThat(e.isTransient()).as(e.getMessage()).isTrue();
            }
        }
        assertThat((System.nanoTime() - started) / 1e9).as("longer than any short fallback would have waited").isGreaterThan(2.0);
        assertThat(s.state(UploadState.HOST_ID)).isEqualTo(LoopbackNamespace.UNREACHABLE);
        assertThat(s.state(UploadState.HOST_FALLBACK_SECONDS)).isNull();
        assertThat(origin.packets).extracting(FaultProxy.Packet::type).as("nothing but Create-Session reaches the original name")
                .containsExactly("Create-Session");
        assertThat(uploaded("sticky.bin")).doesNotExist();
        URI node = FarmHost.withHost(origin.uri("/upload/sticky.bin"), LoopbackNamespace.UNREACHABLE);
        assertThat(node.getPort()).as("the host id keeps the port").isEqualTo(origin.port());
    }
}
