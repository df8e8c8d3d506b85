package org.drizzle.host.quick;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.PeerCredentials;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.service.EngineHost;
import org.drizzle.engine.service.ServiceExtension;
import org.drizzle.host.HostSession;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.runtime.ConsoleOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user service's quick socket: accepts only connections whose kernel-reported uid
 * (SO_PEERCRED) is the service's own, and runs each request ({@link QuickRun}) on its own
 * thread with the 4 MB stack the host's Nashorn code needs. One command runs at a time (the
 * host's Nashorn engine is one per process); a second request meanwhile is declined, so its
 * client runs the full host instead of waiting. At start a throwaway command warms the host up
 * so the first real one is as quick as the rest.
 */
final class QuickServer implements ServiceExtension.Running {
    private static final Logger LOG = LoggerFactory.getLogger(QuickServer.class);
    private static final long STACK = 4L << 20;

    private final Path path;
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
        removeStale();
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        // only this user may connect; the uid check below holds even if this mode is changed
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        daemon(this::acceptLoop, "drizzle-quick-accept", 0).start();
        daemon(this::warmUp, "drizzle-quick-warm-up", STACK).start();
        LOG.info("Quick path listening on {}", path);
    }

    private void removeStale() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IllegalStateException("Another Drizzle service already answers on " + path);
        } catch (IOException e) {
            Files.delete(path); // left behind by a service that crashed
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
            Principal caller = PeerCredentials.of(ch, authorizer);
            if (caller.uid() != uid) {
                LOG.warn("Quick path: refused uid {} ({}); it serves only uid {}", caller.uid(), caller.name(), uid);
                return;
            }
            QuickRun run = new QuickRun(ch, caller, engine);
            runs.add(run);
            try {
                run.serve(gate);
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

    /** Stops accepting, stops running commands and removes the socket. */
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
