package org.drizzle.host.quick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.wire.FramedConnection;
import org.drizzle.engine.wire.WireLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 3, played as the user who plants a port file: a listener that speaks the quick
 * protocol with tokens of its own choosing (so it would be shown the caller's command line and
 * environment) and a port file naming it. The real {@link QuickClient} process must not even
 * connect unless the file and its folder are the caller's own, the file 0600 and the folder not
 * group/other-writable; it then exits 254 (the full host path) and prints nothing.
 */
class QuickPortFileSecurityTest {
    private static final String TOKEN = "a".repeat(QuickProtocol.TOKEN_LENGTH);
    private static final String SERVICE_TOKEN = "b".repeat(QuickProtocol.TOKEN_LENGTH);

    @TempDir
    Path dir;
    private ServerSocketChannel planted;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        planted = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::serve, "planted-listener");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void close() throws IOException {
        planted.close();
    }

    /** Answers like a quick-path service with the planted tokens and records what the client sent. */
    private void serve() {
        while (planted.isOpen()) {
            try (SocketChannel ch = planted.accept()) {
                connections.incrementAndGet();
                FramedConnection wire = new FramedConnection(ch, WireLimits.trusting(1 << 20), 8, "planted");
                wire.send(QuickProtocol.serviceHello(SERVICE_TOKEN.getBytes(StandardCharsets.US_ASCII)));
                wire.read();
                byte[] request = wire.read();
                requests.add(new String(request, StandardCharsets.UTF_8));
                wire.send(QuickProtocol.frame(QuickProtocol.EXIT, ByteBuffer.allocate(4).putInt(0).array(), 0, 4));
                wire.flush(5000);
            } catch (IOException e) {
                // closed at the end of the test
            }
        }
    }

    private Path portFile(Path folder, String folderMode, String fileMode) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("drizzle-quick.port");
        Files.writeString(file, ((InetSocketAddress) planted.getLocalAddress()).getPort() + " " + TOKEN + " " + SERVICE_TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(fileMode));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(folderMode));
        return file;
    }

    private int client(Path portFile) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), QuickClient.class.getName(),
                portFile.toString(), "-Command", "Write-Output secret-command-line").redirectErrorStream(true);
        pb.environment().put("DRIZZLE_SECRET", "the admin's token");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("a silent fall-back").isEmpty();
        return p.exitValue();
    }

    @Test
    void aPrivatePortFileInAPrivateFolderIsUsed() throws Exception {
        // the control: the same listener is reached when the file is trustworthy
        assertThat(client(portFile(dir.resolve("mine"), "rwx------", "rw-------"))).isZero();
        assertThat(connections.get()).isEqualTo(1);
        assertThat(requests.get(0)).contains("secret-command-line");
    }

    @Test
    void aPortFileOthersCanReadOrWriteIsIgnored() throws Exception {
        assertThat(client(portFile(dir.resolve("loose-file"), "rwx------", "rw-r--r--"))).isEqualTo(QuickProtocol.FALLBACK_EXIT);
        assertThat(client(portFile(dir.resolve("shared-folder"), "rwxrwxrwx", "rw-------"))).isEqualTo(QuickProtocol.FALLBACK_EXIT);
        assertThat(client(portFile(dir.resolve("group-folder"), "rwxrwx---", "rw-------"))).isEqualTo(QuickProtocol.FALLBACK_EXIT);
        Path real = portFile(dir.resolve("real"), "rwx------", "rw-------");
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("drizzle-quick.port"), real);
        assertThat(client(linked.resolve("drizzle-quick.port"))).isEqualTo(QuickProtocol.FALLBACK_EXIT);
        assertThat(connections.get()).as("connections to the planted listener").isZero();
    }

    @Test
    void aPortFilePlantedByAnotherUserIsIgnored() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates the user who plants the file");
        try (ThrowawayUsers users = new ThrowawayUsers()) {
            Account eve = users.create("dzwr");
            // eve's file, 0600, in a folder the caller owns (a shared runtime folder once set up by eve's script)
            Path file = portFile(dir.resolve("eves-file"), "rwx------", "rw-------");
            Files.setAttribute(file, "unix:uid", (int) eve.uid());
            assertThat(client(file)).isEqualTo(QuickProtocol.FALLBACK_EXIT);
            // the caller's file in eve's folder (eve can replace it at will)
            Path folder = dir.resolve("eves-folder");
            Path mine = portFile(folder, "rwx------", "rw-------");
            Files.setAttribute(folder, "unix:uid", (int) eve.uid());
            assertThat(client(mine)).isEqualTo(QuickProtocol.FALLBACK_EXIT);
            assertThat(connections.get()).as("connections to eve's listener").isZero();
        }
    }
}
