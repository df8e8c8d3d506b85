package org.drizzle.engine.idle;

import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the sockets of background transfers so the sender, not just our reads, slows down.
 *
 * <p>Congestion control acts only on the sending side, and for a download the server sends.
 * What a receiver controls is its window: with a small receive buffer (64 KiB by default,
 * set before connect so window scaling is negotiated for it) the server can have at most that
 * much in flight, so when the governor paces our reads the window closes and the server stops
 * sending instead of filling the bottleneck's queue (receiver-driven pacing, as rLEDBAT,
 * RFC 9840). The small window also bounds the queue our own flow can build; the estimator
 * then narrows it further to each interface's allowance ({@link DelaySignal#limitWindows}).
 *
 * <p>Upload sockets additionally ask for TCP-LP ("lp"), a low-priority congestion control that
 * yields to normal TCP, where the kernel offers it; where it does not (ENOENT, EPERM, not
 * Linux) the socket keeps the default silently.
 *
 * <p>Every socket is registered with the {@link DelaySignal} so its RTT feeds the estimator.
 * Use one instance as the {@link DetachedSocketFactory} of the HttpClient that carries
 * background jobs, most simply by building its pool with {@link #connectionManagerBuilder()};
 * foreground jobs use an untuned client.
 */
public final class BackgroundSocketTuner implements DetachedSocketFactory {

    /** Receive buffer for background downloads. */
    public static final int DEFAULT_RECEIVE_BUFFER = 64 * 1024;
    /** The low-priority congestion control asked for on upload sockets. */
    public static final String LOW_PRIORITY_CONGESTION = "lp";

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSocketTuner.class);

    private final int receiveBuffer;
    private final boolean upload;
    private final DelaySignal delay;

    /**
     * @param receiveBuffer SO_RCVBUF for each socket, bytes (at least 4 KiB)
     * @param upload        true for sockets that carry uploads (TCP-LP is tried on them)
     * @param delay         where each socket's RTT is reported, or null
     */
    public BackgroundSocketTuner(int receiveBuffer, boolean upload, DelaySignal delay) {
        if (receiveBuffer < 4096) {
            throw new IllegalArgumentException("background receive buffer must be >= 4096 bytes, was " + receiveBuffer);
        }
        this.receiveBuffer = receiveBuffer;
        this.upload = upload;
        this.delay = delay;
    }

    @Override
    public Socket create(Proxy proxy) throws IOException {
        Socket socket = proxy != null ? new Socket(proxy) : new Socket();
        tune(socket);
        return socket;
    }

    /**
     * A pooling connection-manager builder whose plain sockets (also the ones TLS is layered
     * on) come from this tuner; configure and build it as {@code
     * PoolingHttpClientConnectionManagerBuilder.create()}.
     */
    public PoolingHttpClientConnectionManagerBuilder connectionManagerBuilder() {
        return connectionManagerBuilder(this);
    }

    /** A pooling connection-manager builder whose plain sockets (also under TLS) come from {@code sockets}. */
    public static PoolingHttpClientConnectionManagerBuilder connectionManagerBuilder(DetachedSocketFactory sockets) {
        return new PoolingHttpClientConnectionManagerBuilder() {
            @Override
            protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
                                                                            TlsSocketStrategy tls) {
                return new DefaultHttpClientConnectionOperator(sockets, ports, dns,
                        RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
            }
        };
    }

    /** Applies the background settings to an unconnected socket. */
    public void tune(Socket socket) throws SocketException {
        socket.setReceiveBufferSize(receiveBuffer);
        if (upload && !SocketOptions.setCongestionControl(socket, LOW_PRIORITY_CONGESTION)) {
            LOG.debug("TCP-LP not offered by this kernel; background upload keeps the default congestion control");
        }
        if (delay != null) {
            delay.register(socket);
        }
    }
}
