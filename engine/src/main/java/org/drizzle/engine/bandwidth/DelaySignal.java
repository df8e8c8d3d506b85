package org.drizzle.engine.bandwidth;

import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Queueing delay on Drizzle's own background connections, the congestion signal that still
 * works when the bottleneck is beyond the NIC (DSL line, Wi-Fi, WAN link shared with other
 * machines) where interface counters cannot see anyone else.
 *
 * <p>For each registered socket the kernel's receiver RTT (TCP_INFO tcpi_rcv_rtt, taken from
 * TCP timestamps on arriving data, so it includes time spent in the bottleneck's queue) is read
 * at each sample. The base delay per server is the minimum RTT seen in the last ten minutes,
 * kept LEDBAT-style as ten one-minute minima so an old minimum ages out after a route change.
 * The queueing delay of an interface is the largest (RTT − base) among its connections.
 * Sockets are held weakly: closed or forgotten ones drop out by themselves.
 */
public final class DelaySignal {

    private static final long BUCKET_NANOS = 60_000_000_000L;
    private static final int BUCKETS = 10;

    private final Set<Socket> sockets = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Map<InetAddress, BaseHistory> bases = new HashMap<>();

    /** Watches a background transfer connection (called when the socket is created). */
    public void register(Socket socket) {
        sockets.add(socket);
    }

    /**
     * Reads every live connection once and returns, per interface, the largest queueing delay
     * in microseconds. Interfaces without a measured connection are absent.
     *
     * @param interfaceOf maps a server address to the interface that routes to it (may return null)
     */
    public synchronized Map<String, Long> sample(long nanos, Function<InetAddress, String> interfaceOf) {
        Socket[] live;
        synchronized (sockets) {
            live = sockets.toArray(new Socket[0]);
        }
        Map<String, Long> delays = new HashMap<>();
        for (Socket socket : live) {
            if (socket.isClosed()) {
                sockets.remove(socket);
                continue;
            }
            InetAddress server = socket.getInetAddress();
            TcpInfo info = server == null ? null : SocketOptions.tcpInfo(socket);
            if (info == null || info.receiverRttMicros() <= 0) {
                continue;
            }
            String name = interfaceOf.apply(server);
            if (name != null) {
                long delay = queueingDelay(server, nanos, info);
                delays.merge(name, delay, Math::max);
            }
        }
        return delays;
    }

    /**
     * Queueing delay of one observation of a connection to {@code server}: RTT above the
     * server's base (the handshake RTT also counts as a base candidate). Public so connections
     * found another way ({@link TcpSocketTable}) feed the same base history.
     */
    public synchronized long queueingDelay(InetAddress server, long nanos, TcpInfo info) {
        BaseHistory history = bases.computeIfAbsent(server, a -> new BaseHistory());
        long rtt = info.receiverRttMicros();
        history.offer(nanos, info.rttMicros() > 0 ? Math.min(rtt, info.rttMicros()) : rtt);
        return Math.max(0, rtt - history.base());
    }

    /** Minimum RTT per minute for the last ten minutes (RFC 6817 base delay history). */
    static final class BaseHistory {
        private final ArrayDeque<long[]> minima = new ArrayDeque<>();

        void offer(long nanos, long rttMicros) {
            long bucket = Math.floorDiv(nanos, BUCKET_NANOS);
            long[] last = minima.peekLast();
            if (last == null || last[0] != bucket) {
                minima.addLast(new long[] {bucket, rttMicros});
                while (minima.peekFirst()[0] <= bucket - BUCKETS) {
                    minima.removeFirst();
                }
            } else {
                last[1] = Math.min(last[1], rttMicros);
            }
        }

        long base() {
            long base = Long.MAX_VALUE;
            for (long[] m : minima) {
                base = Math.min(base, m[1]);
            }
            return base;
        }
    }
}
