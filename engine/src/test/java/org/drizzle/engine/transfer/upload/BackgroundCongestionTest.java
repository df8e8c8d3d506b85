package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drizzle.engine.idle.SocketOptions;
import org.drizzle.engine.server.BitsServer;
import org.drizzle.engine.server.VirtualDirectory;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background uploads ask for a less-than-best-effort congestion control per socket; foreground
 * ones keep the system's. Each test uploads through a real Drizzle server on 127.0.0.1 and
 * reads the congestion control back from the client's still-pooled connection with
 * getsockopt(TCP_CONGESTION).
 */
class BackgroundCongestionTest {
    private static final Path PROC = Path.of("/proc/sys/net/ipv4");

    @TempDir
    Path tmp;
    BitsServer server;

    /** The sockets a factory made, in order. */
    static final class Recording extends UploadSockets {
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Recording(List<String> congestion) {
            super(congestion);
        }

        @Override
        public Socket create(Proxy proxy) throws IOException {
            Socket s = super.create(proxy);
            sockets.add(s);
            return s;
        }
    }

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Platform.isLinux(), "TCP_CONGESTION is a Linux socket option");
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/up", Files.createDirectories(tmp.resolve("root"))))
                .build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> kernelList(String file) throws IOException {
        return Arrays.asList(Files.readString(PROC.resolve(file)).trim().split("\\s+"));
    }

    /** What a socket of this process may ask for: any built-in one as root (CAP_NET_ADMIN), else the allowed ones. */
    private static List<String> usable() throws IOException {
        return "root".equals(System.getProperty("user.name"))
                ? kernelList("tcp_available_congestion_control") : kernelList("tcp_allowed_congestion_control");
    }

    private static String systemDefault() throws IOException {
        return Files.readString(PROC.resolve("tcp_congestion_control")).trim();
    }

    /**
     * Uploads 3 MB as a job of {@code priority} through a transport with these socket
     * factories and returns the congestion control of every connection it opened, read while
     * they are still pooled.
     */
    private List<String> upload(Priority priority, Recording foreground, Recording background) throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(7).nextBytes(data);
        Path src = Files.write(tmp.resolve("src-" + priority + ".bin"), data);
        SavedStateSession s = new SavedStateSession(tmp.resolve("state-" + priority + "-" + System.nanoTime()),
                server.baseUri().resolve("/up/" + priority + ".bin"), src);
        s.priority = priority;
        List<String> seen = new ArrayList<>();
        try (BitsUploadTransport transport = new BitsUploadTransport(BitsUploadTransport.CONNECT_TIMEOUT,
                BitsUploadTransport.RESPONSE_TIMEOUT, foreground, background)) {
            transport.transfer(s);
            Recording used = priority.isBackground() ? background : foreground;
            Recording unused = priority.isBackground() ? foreground : background;
            assertThat(used.sockets).as("connections of a %s job", priority).isNotEmpty();
            assertThat(unused.sockets).as("the other priority's factory is not used").isEmpty();
            for (Socket socket : used.sockets) {
                assertThat(socket.isClosed()).as("still pooled").isFalse();
                seen.add(SocketOptions.congestionControl(socket));
            }
        }
        assertThat(tmp.resolve("root").resolve(priority + ".bin")).hasSameBinaryContentAs(src);
        return seen;
    }

    @Test
    void aBackgroundUploadSocketUsesTheFirstLowPriorityCongestionControlTheKernelOffers() throws Exception {
        List<String> usable = usable();
        String expected = UploadSockets.LOW_PRIORITY.stream().filter(usable::contains).findFirst().orElse(null);
        assumeTrue(expected != null, "this kernel offers no low-priority congestion control (available: "
                + kernelList("tcp_available_congestion_control") + ", allowed: " + kernelList("tcp_allowed_congestion_control")
                + "; wanted one of " + UploadSockets.LOW_PRIORITY + ")");
        List<String> seen = upload(Priority.LOW, new Recording(List.of()), new Recording(UploadSockets.LOW_PRIORITY));
        assertThat(seen).containsOnly(expected);
    }

    @Test
    void theFirstUsableCongestionControlInTheListIsSetOnTheUploadSocketAndReadBack() throws Exception {
        // The mechanism with names this kernel has: an unknown name is skipped, the next one taken.
        String def = systemDefault();
        String other = usable().stream().filter(n -> !n.equals(def)).findFirst().orElse(null);
        assumeTrue(other != null, "only the default congestion control " + def + " may be used here");
        List<String> seen = upload(Priority.NORMAL, new Recording(List.of()), new Recording(List.of("no-such-cc", other)));
        assertThat(seen).as("not the system default %s", def).containsOnly(other);
    }

    @Test
    void withNoneOfferedABackgroundSocketKeepsTheDefaultAndTheUploadCompletes() throws Exception {
        List<String> seen = upload(Priority.HIGH, new Recording(List.of()), new Recording(List.of("no-such-cc", "nor-this")));
        assertThat(seen).containsOnly(systemDefault());
    }

    @Test
    void foregroundUploadsKeepTheSystemDefaultWhileBackgroundOnesGetTheProductionChoice() throws Exception {
        String def = systemDefault();
        assertThat(upload(Priority.FOREGROUND, new Recording(List.of()), new Recording(UploadSockets.LOW_PRIORITY)))
                .containsOnly(def);
        List<String> usable = usable();
        String chosen = UploadSockets.LOW_PRIORITY.stream().filter(usable::contains).findFirst().orElse(def);
        assertThat(upload(Priority.LOW, new Recording(List.of()), new Recording(UploadSockets.LOW_PRIORITY)))
                .containsOnly(chosen);
    }
}
