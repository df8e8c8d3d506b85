package org.drizzle.engine.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A syslog socket (what /dev/log is) recording each entry util-linux logger writes to it. */
final class SyslogSink implements AutoCloseable {
    final List<String> entries = new CopyOnWriteArrayList<>();
    private final ServerSocketChannel server;

    SyslogSink(Path socket) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::accept, "syslog-sink");
        t.setDaemon(true);
        t.start();
    }

    private void accept() {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept(); InputStream in = Channels.newInputStream(c)) {
                entries.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
