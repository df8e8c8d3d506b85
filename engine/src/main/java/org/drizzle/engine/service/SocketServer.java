package org.drizzle.engine.service;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.OwnerUmasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Unix-domain socket: accepts connections and serves each on its own platform
 * thread. The socket is world-connectable (0666) because every caller is authorised by its
 * kernel-reported uid, never by anything it sends.
 */
public final class SocketServer implements ServiceTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

    private final Path path;
    private final Authorizer authorizer;
    private final OwnerUmasks umasks;
    private final ServiceControl control;
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong counter = new AtomicLong();
    private ServerSocketChannel server;
    private Thread acceptor;

    public SocketServer(Path path, Authorizer authorizer, OwnerUmasks umasks, ServiceControl control) {
        this.path = path;
        this.control = control;
        this.authorizer = authorizer;
        this.umasks = umasks;
    }

    @Override
    public void start(EngineHost engine) throws IOException {
        Files.createDirectories(path.getParent());
        removeStaleSocket();
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        acceptor = new Thread(() -> acceptLoop(engine), "drizzle-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Listening on {}", path);
    }

    @Override
    public int connections() {
        return connections.size();
    }

    @Override
    public String address() {
        return path.toString();
    }

    private void removeStaleSocket() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IOException("Another Drizzle service already answers on " + path);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Another Drizzle service")) {
                throw e;
            }
            Files.delete(path); // left behind by a crashed service
        }
    }

    private void acceptLoop(EngineHost engine) {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                ClientConnection c = ClientConnection.onSocket(ch, engine, authorizer, umasks, control);
                connections.add(c);
                Thread t = new Thread(() -> {
                    try {
                        c.run();
                    } finally {
                        connections.remove(c);
                    }
                }, "drizzle-client-" + counter.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("accept failed: {}", e.toString());
            }
        }
    }

    /** Stops accepting, then closes every client connection. */
    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("close: {}", e.toString());
        }
        connections.forEach(ClientConnection::close);
        if (acceptor == null) {
            return; // never bound: the socket file (if any) belongs to someone else
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", path, e.toString());
        }
    }
}
