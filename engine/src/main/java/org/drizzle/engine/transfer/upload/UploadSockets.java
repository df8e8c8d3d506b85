package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.drizzle.engine.idle.BackgroundSocketTuner;
import org.drizzle.engine.idle.SocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the TCP sockets uploads connect with. Direct connections get channel-backed sockets,
 * whose descriptor exists before connect, so the choice below applies from the handshake. Sockets of background
 * jobs also ask, per socket (TCP_CONGESTION), for the first less-than-best-effort congestion
 * control the kernel offers, so the upload yields to other traffic on a shared bottleneck:
 * TCP-LP ({@code lp}), else a LEDBAT module ({@code ledbat}). Where none is offered (or not
 * Linux, or the caller may not use it) the socket keeps the system default, logged at debug.
 */
class UploadSockets implements DetachedSocketFactory {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSockets.class);
    /** The congestion controls asked for on background upload sockets, in order of preference. */
    static final List<String> LOW_PRIORITY = List.of("lp", "ledbat");

    private final List<String> congestion;

    /** @param congestion congestion controls to try on each socket, best first (empty: the system default) */
    UploadSockets(List<String> congestion) {
        this.congestion = List.copyOf(congestion);
    }

    static UploadSockets foreground() {
        return new UploadSockets(List.of());
    }

    static UploadSockets background() {
        return new UploadSockets(LOW_PRIORITY);
    }

    @Override
    public Socket create(Proxy proxy) throws IOException {
        Socket socket = proxy == null || proxy.type() == Proxy.Type.DIRECT ? SocketChannel.open().socket() : new Socket(proxy);
        if (!congestion.isEmpty()) {
            chooseCongestionControl(socket);
        }
        return socket;
    }

    /** Asks for the first congestion control the kernel accepts; returns it, or null when none is. */
    String chooseCongestionControl(Socket socket) {
        for (String name : congestion) {
            if (SocketOptions.setCongestionControl(socket, name)) {
                LOG.debug("background upload socket uses congestion control {}", name);
                return name;
            }
        }
        LOG.debug("none of the congestion controls {} is available; the background upload socket keeps the default", congestion);
        return null;
    }

    /** A pooling connection-manager builder whose plain sockets come from here. */
    PoolingHttpClientConnectionManagerBuilder connectionManagerBuilder() {
        return BackgroundSocketTuner.connectionManagerBuilder(this);
    }
}
