package org.drizzle.engine.idle;

import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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
 *
 * <p>The same connections get their receive window sized to their allowance ({@link
 * #limitWindows}): a window of allowance × (base RTT + 10 ms) lets the flow run at its
 * allowance while it can never keep more than about 10 ms of its own data queued at the
 * bottleneck. Without this, a 64 KiB window alone stands 26 ms of queue at 20 Mbit/s, which
 * hides the rise a newcomer causes and pushes others' delay up for nothing.
 */
public final class DelaySignal {

    private static final long BUCKET_NANOS = 60_000_000_000L;
    private static final int BUCKETS = 10;
    /** Queueing delay our own window may add above the base RTT. */
    static final long WINDOW_MARGIN_MICROS = 10_000;
    /** The smallest window we clamp to, and at least {@link #SEGMENTS} segments, so the flow never stalls. */
    static final int MIN_WINDOW = 8 * 1024;
    static final int SEGMENTS = 4;

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
     * Clamps the receive window (TCP_WINDOW_CLAMP) of every registered connection with a known
     * base RTT to max({@link #MIN_WINDOW}, 4 segments, allowance × (base + {@link #WINDOW_MARGIN_MICROS}) / n),
     * n being the connections on the same interface, so together they stay within the allowance
     * per round trip.
     *
     * @param interfaceOf maps a server address to its interface (may return null)
     * @param allowanceOf the interface's download allowance in bytes/s, or a negative number for none
     */
    public void limitWindows(Function<InetAddress, String> interfaceOf, ToLongFunction<String> allowanceOf) {
        Socket[] live;
        synchronized (sockets) {
            live = sockets.toArray(new Socket[0]);
        }
        Map<String, Integer> perInterface = new HashMap<>();
        Map<Socket, String> names = new HashMap<>();
        for (Socket socket : live) {
            InetAddress server = socket.getInetAddress();
            String name = server == null || socket.isClosed() ? null : interfaceOf.apply(server);
            if (name != null) {
                names.put(socket, name);
                perInterface.merge(name, 1, Integer::sum);
            }
        }
        names.forEach((socket, name) -> {
            long allowance = allowanceOf.applyAsLong(name);
            long base = base(socket.getInetAddress());
            if (allowance >= 0 && base >= 0) {
                double window = allowance * (base + WINDOW_MARGIN_MICROS) / 1e6 / perInterface.get(name);
                // A window under a few segments stalls TCP (the receiver will not offer less than
                // one segment): on loopback, with 64 KiB segments, that is most windows.
                long least = Math.max(MIN_WINDOW, SEGMENTS * (long) SocketOptions.maxSegment(socket));
                SocketOptions.setWindowClamp(socket, (int) Math.min(Integer.MAX_VALUE, Math.max(least, window)));
            }
        });
    }

    /** The base RTT to {@code server} in microseconds, or -1 while none was measured. */
    synchronized long base(InetAddress server) {
        BaseHistory history = bases.get(server);
        return history == null ? -1 : history.base();
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
