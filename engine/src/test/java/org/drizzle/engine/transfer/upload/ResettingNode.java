package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A farm node that is up but broken: it accepts every TCP connection on {@code address:port}
 * and resets it at once (SO_LINGER 0), recording when each attempt came, so a test can see
 * that the client really tried the BITS-Host-Id and when it stopped trying.
 */
final class ResettingNode implements AutoCloseable {
    /** System.nanoTime() of each accepted connection, in order. */
    final List<Long> attempts = new CopyOnWriteArrayList<>();
    private final ServerSocket listener;
    private final Thread acceptor;

    ResettingNode(InetAddress address, int port) throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(address, port));
        acceptor = new Thread(this::acceptLoop, "resetting-node");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                attempts.add(System.nanoTime());
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
