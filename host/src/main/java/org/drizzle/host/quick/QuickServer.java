package org.drizzle.host.quick;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.service.EngineHost;
import org.drizzle.engine.service.ServiceExtension;
import org.drizzle.host.HostSession;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.runtime.ConsoleOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user service's quick-path listener on 127.0.0.1 (an ephemeral port, published with a
 * per-start tokens in the port file): accepts only connections that the kernel's socket table
 * ({@link TcpConnectionOwner}) says the service's own uid opened and whose first frame carries the
 * token, shows them the service token, and runs each request ({@link QuickRun}) on its own
 * thread with the 4 MB stack the host's Nashorn code needs. One command runs at a time (the
 * host's Nashorn engine is one per process); a second request meanwhile is declined, so its
 * client runs the full host instead of waiting. At start a throwaway command warms the host up
 * so the first real one is as quick as the rest.
 */
final class QuickServer implements ServiceExtension.Running {
    private static final Logger LOG = LoggerFactory.getLogger(QuickServer.class);
    private static final long STACK = 4L << 20;

    /** Loopback TCP, not a Unix socket: the JDK's Unix-socket code seeds a SecureRandom on load, ~8 ms of client start-up. */
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final Path path;
    /** What a client must send first, and what the service shows first (only to its own uid); new at every start, only the port file shows them. */
    private final byte[] token = newToken();
    private final byte[] serviceToken = newToken();
    private final EngineHost engine;
    private final Authorizer authorizer;
    private final long uid = Principal.current().uid();
    private final Set<QuickRun> runs = ConcurrentHashMap.newKeySet();
    private final Gate gate = new Gate();
    private ServerSocketChannel server;

    /** Lets one command run at a time, once the warm-up is over. */
    static final class Gate {
        private final AtomicBoolean busy = new AtomicBoolean();
        private final CountDownLatch warm = new CountDownLatch(1);

        boolean tryEnter() {
            try {
                warm.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return busy.compareAndSet(false, true);
        }

        void leave() {
            busy.set(false);
        }
    }

    QuickServer(Path path, EngineHost engine, Authorizer authorizer) {
        this.path = path;
        this.engine = engine;
        this.authorizer = authorizer;
    }

    Path path() {
        return path;
    }

    void start() throws IOException {
        Files.createDirectories(path.getParent());
        server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), 0));
        publish(((InetSocketAddress) server.getLocalAddress()).getPort());
        daemon(this::acceptLoop, "drizzle-quick-accept", 0).start();
        daemon(this::warmUp, "drizzle-quick-warm-up", STACK).start();
        LOG.info("Quick path listening on {} (port file {})", server.getLocalAddress(), path);
    }

    private static byte[] newToken() {
        byte[] random = new byte[QuickProtocol.TOKEN_LENGTH / 2];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code <port> <token> <service-token>} to the port file: mode 0600 from creation, then an atomic rename. */
    private void publish(int port) throws IOException {
        Path tmp = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, port + " " + new String(token, StandardCharsets.US_ASCII)
                    + " " + new String(serviceToken, StandardCharsets.US_ASCII) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Thread daemon(Runnable r, String name, long stack) {
        Thread t = new Thread(null, r, name, stack);
        t.setDaemon(true);
        return t;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("Quick path: accept failed: {}", e.toString());
                continue;
            }
            daemon(() -> serve(ch), "drizzle-quick-run", STACK).start();
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            long peer = TcpConnectionOwner.ownerUid((InetSocketAddress) ch.getRemoteAddress(), (InetSocketAddress) ch.getLocalAddress());
            if (peer != uid) {
                LOG.warn("Quick path: refused uid {} (from {}); it serves only uid {}", peer, ch.getRemoteAddress(), uid);
                return;
            }
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Principal self = Principal.current();
            QuickRun run = new QuickRun(ch, authorizer.principal(self.uid(), self.gid(), self.name()), engine);
            runs.add(run);
            try {
                run.serve(gate, token, serviceToken);
            } finally {
                runs.remove(run);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Quick path: a client ended early: {}", e.toString());
        }
    }

    /** Compiles, lists jobs and formats once, off the clock, so Nashorn, cmdlets and formatter are loaded. */
    private void warmUp() {
        try {
            PrintStream none = new PrintStream(OutputStream.nullOutputStream());
            Principal self = Principal.current();
            try (HostSession host = new HostSession(new TerminalUi(none, none, false), none, none,
                    ConsoleOutput.Format.TEXT, () -> engine.clientFor(self))) {
                host.run("$x = @{ Name = 'warm'; Size = 1KB }; [pscustomobject]$x | Format-Table | Out-String | Out-Null;"
                        + " Get-BitsTransfer | Format-Table | Out-String | Out-Null", "<warm-up>", false, List.of());
            }
        } catch (RuntimeException e) {
            LOG.debug("Quick path warm-up: {}", e.toString());
        } finally {
            gate.warm.countDown();
        }
    }

    @Override
    public int connections() {
        return runs.size();
    }

    /** Stops accepting, stops running commands and removes the port file. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.toString());
        }
        runs.forEach(QuickRun::stop);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", path, e.toString());
        }
    }
}
