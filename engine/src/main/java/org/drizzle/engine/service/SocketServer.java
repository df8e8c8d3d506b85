package org.drizzle.engine.service;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.OwnerUmasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Unix-domain socket: accepts connections and serves each on its own platform
 * thread. The socket is world-connectable (0666) because every caller is authorised by its
 * kernel-reported uid, never by anything it sends. {@link ServiceLimits} caps the connections of
 * each uid and of everyone: a connection over a cap gets one error frame (RPC_S_SERVER_TOO_BUSY)
 * from the accepting thread, which never waits on it, and is closed.
 */
public final class SocketServer implements ServiceTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

    private final Path path;
    private final ServiceLimits limits;
    /** Open connections per peer account (SO_PEERCRED's name, which the kernel fills from the uid). */
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final Authorizer authorizer;
    private final OwnerUmasks umasks;
    private final ServiceControl control;
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong counter = new AtomicLong();
    private ServerSocketChannel server;
    private Thread acceptor;

    public SocketServer(Path path, ServiceLimits limits, Authorizer authorizer, OwnerUmasks umasks, ServiceControl control) {
        this.path = path;
        this.limits = limits;
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
                String user = peer(ch);
                String refusal = admit(user);
                if (refusal != null) {
                    refuse(ch, refusal);
                    continue;
                }
                String name = "drizzle-client-" + counter.incrementAndGet();
                ClientConnection c = ClientConnection.onSocket(name, ch, limits.wire(), engine, authorizer, umasks, control);
                connections.add(c);
                Thread t = new Thread(() -> {
                    try {
                        c.run();
                    } finally {
                        connections.remove(c);
                        perUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
                    }
                }, name);
                t.setDaemon(true);
                t.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("accept failed: {}", e.toString());
            }
        }
    }

    private static String peer(SocketChannel ch) {
        try {
            return ch.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    /** Counts the connection in, or says which cap it would pass. */
    private String admit(String user) {
        if (connections.size() >= limits.maxConnections()) {
            return "The Drizzle service already serves " + limits.maxConnections()
                    + " connections (maxConnections); try again later.";
        }
        int[] now = new int[1];
        perUser.compute(user, (u, n) -> {
            now[0] = n == null ? 0 : n;
            return now[0] >= limits.maxConnectionsPerUser() ? n : now[0] + 1;
        });
        if (now[0] >= limits.maxConnectionsPerUser()) {
            return "User " + user + " already holds " + limits.maxConnectionsPerUser()
                    + " connections to the Drizzle service (maxConnectionsPerUser); close some and try again.";
        }
        return null;
    }

    /** One error frame if the socket takes it at once, then close: the acceptor never waits on a peer. */
    private static void refuse(SocketChannel ch, String why) {
        LOG.warn("Refused a connection: {}", why);
        try (ch) {
            ch.configureBlocking(false);
            byte[] body = Protocol.mapper().writeValueAsBytes(Message.failure(null,
                    WireError.of(Protocol.RPC_S_SERVER_TOO_BUSY, why)));
            ch.write(ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip());
        } catch (IOException e) {
            LOG.debug("refuse: {}", e.toString());
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
