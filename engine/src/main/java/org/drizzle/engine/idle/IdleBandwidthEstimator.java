package org.drizzle.engine.idle;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.drizzle.engine.api.CapacitySource;
import org.drizzle.engine.bandwidth.AllowanceSource;
import org.drizzle.engine.bandwidth.Governor;
import org.drizzle.engine.network.InterfaceCounters;
import org.drizzle.engine.network.InterfaceSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates, ten times a second, how much of each interface's bandwidth nobody else wants:
 * the background allowance the governor applies (its rate is min(policy limit, allowance)).
 *
 * <p>Each sample reads, for every interface a background job has asked about in the last
 * minute, the interface's byte counters ({@link InterfaceCounters}), Drizzle's own bytes and
 * the queueing delay on our connections, and feeds them to one {@link AllowanceController}
 * per interface and direction; that class documents the control law. Own received bytes come
 * from {@link TcpSocketTable} where the kernel offers it (exact, counted at arrival and per
 * interface of each connection's peer); otherwise, and for uploads, from {@link OwnTraffic}
 * (counted process-wide as the governor meters them). The delay comes from the same socket
 * table and from sockets registered by {@link BackgroundSocketTuner} ({@link DelaySignal}),
 * whose receive windows are then clamped to each interface's new download allowance.
 *
 * <p>A job is mapped to its server through {@link #jobs()} (fed by job events), and the server
 * to its interface by the routing table at each request, so a route change moves the job to
 * the right estimate at once. Until an interface has been sampled its allowance is
 * {@link AllowanceController#INITIAL}.
 */
public final class IdleBandwidthEstimator implements AllowanceSource, AutoCloseable {

    /** Sampling period: several samples per second so a yield fits in one second. */
    public static final long PERIOD_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(IdleBandwidthEstimator.class);
    private static final long FORGET_NANOS = 60_000_000_000L;
    /** Placeholder for a host name the sampler has yet to resolve. */
    private static final InetAddress UNRESOLVED = sentinel();

    private final InterfaceCounters os;
    private final OwnTraffic own;
    private final DelaySignal delay;
    private final long configuredCapacity;
    private final LongSupplier nanoClock;
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final JobServers jobs = new JobServers();
    private final Map<String, InetAddress> resolved = new ConcurrentHashMap<>();
    private final TcpSocketTable sockets;
    /** Bytes received on our connections so far, per interface (only with {@link TcpSocketTable}). */
    private final Map<String, Long> arrived = new HashMap<>();
    private Map<Long, Long> lastReceived = new HashMap<>();
    private long lastThrottled;
    private long lastSampleNanos;
    private ScheduledExecutorService sampler;

    /**
     * @param configuredCapacity the link capacity in bytes/s if an admin set one, else 0 (detect)
     */
    public IdleBandwidthEstimator(InterfaceCounters os, OwnTraffic own, DelaySignal delay, long configuredCapacity) {
        this(os, own, delay, configuredCapacity, System::nanoTime);
    }

    /** As above with an injected monotonic clock (tests). */
    public IdleBandwidthEstimator(InterfaceCounters os, OwnTraffic own, DelaySignal delay, long configuredCapacity,
                                  LongSupplier nanoClock) {
        this(os, own, delay, configuredCapacity, nanoClock, TcpSocketTable.isAvailable() ? new TcpSocketTable() : null);
    }

    /**
     * As above, choosing how own received bytes are counted: from {@code sockets} (exact, at
     * arrival) or, when null, from {@code own} (when the transfers meter them).
     */
    public IdleBandwidthEstimator(InterfaceCounters os, OwnTraffic own, DelaySignal delay, long configuredCapacity,
                                  LongSupplier nanoClock, TcpSocketTable sockets) {
        this.sockets = sockets;
        this.os = os;
        this.own = own;
        this.delay = delay;
        this.configuredCapacity = configuredCapacity;
        this.nanoClock = nanoClock;
        new AllowanceController(configuredCapacity); // rejects a negative capacity up front
    }

    /** Starts sampling on a daemon thread. */
    public synchronized void start() {
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drizzle-bandwidth-estimator");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(this::sampleSafely, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    /** The job-to-server map the engine's events must feed (subscribe {@link JobServers#listener()}). */
    public JobServers jobs() {
        return jobs;
    }

    /**
     * The governor's question: the allowance of the interface that routes to the job's
     * server, in the job's direction. A job not (yet) known to be transferring, or whose
     * server name is still being resolved on the sampler thread, gets
     * {@link AllowanceController#INITIAL} for those few milliseconds.
     */
    @Override
    public long allowance(org.drizzle.engine.job.JobId job) {
        JobServers.Server server = jobs.of(job);
        if (server == null) {
            return AllowanceController.INITIAL;
        }
        InetAddress address = resolved.get(server.host());
        if (address == null) {
            resolved.putIfAbsent(server.host(), UNRESOLVED);
            return AllowanceController.INITIAL;
        }
        return address == UNRESOLVED ? AllowanceController.INITIAL : allowance(address, server.upload());
    }

    /**
     * Bytes per second background transfers to {@code server} may use now.
     *
     * @param upload true for the sending direction
     */
    public long allowance(InetAddress server, boolean upload) {
        String name = os.interfaceFor(server);
        if (name == null) {
            // No route: the link monitor blocks the job; give the floor meanwhile.
            return AllowanceController.MIN_FLOOR;
        }
        long now = nanoClock.getAsLong();
        Link link = links.computeIfAbsent(name, n -> new Link(configuredCapacity, now));
        link.lastAsked = now;
        return (upload ? link.tx : link.rx).allowance();
    }

    /** The current estimate for every watched interface, downloads first. */
    public List<LinkEstimate> estimates() {
        List<LinkEstimate> out = new ArrayList<>();
        links.forEach((name, link) -> {
            out.add(estimate(name, false, link.rx, link.delayMicros));
            out.add(estimate(name, true, link.tx, link.delayMicros));
        });
        out.sort((a, b) -> a.interfaceName().equals(b.interfaceName())
                ? Boolean.compare(a.upload(), b.upload()) : a.interfaceName().compareTo(b.interfaceName()));
        return out;
    }

    private static LinkEstimate estimate(String name, boolean upload, AllowanceController c, long delayMicros) {
        return new LinkEstimate(name, upload, c.capacity(), c.others(), c.own(), c.allowance(), delayMicros);
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            // A failed read must not kill the sampler; the next period tries again.
            LOG.warn("bandwidth sample failed", e);
        }
    }

    /** Takes one sample of every watched interface (the sampler thread calls this). */
    public synchronized void sample() {
        long now = nanoClock.getAsLong();
        resolvePending();
        links.entrySet().removeIf(e -> now - e.getValue().lastAsked > FORGET_NANOS);
        if (links.isEmpty()) {
            return;
        }
        Map<String, String> routes = new HashMap<>();
        Function<InetAddress, String> route = a -> routes.computeIfAbsent(a.getHostAddress(), k -> os.interfaceFor(a));
        Map<String, Long> delays = new HashMap<>(delay == null ? Map.of() : delay.sample(now, route));
        if (sockets != null) {
            observeConnections(now, route, delays);
        }
        long received = own.totalReceived();
        long sent = own.totalSent();
        long throttled = own.totalThrottledNanos();
        // Governor-bound: transfers waited in the governor for over a third of the interval.
        boolean governorBound = lastSampleNanos != 0 && throttled - lastThrottled > (now - lastSampleNanos) / 3;
        lastThrottled = throttled;
        lastSampleNanos = now;
        links.forEach((name, link) -> {
            InterfaceSample s = os.read(name);
            if (s == null) {
                return;
            }
            link.delayMicros = delays.getOrDefault(name, -1L);
            long ownReceived = sockets != null ? arrived.getOrDefault(name, 0L) : received;
            link.rx.update(now, s.rxBytes(), ownReceived, s.linkSpeed(), link.delayMicros, governorBound);
            // The delay is measured on download connections; uploads are paced by TCP-LP and counters.
            link.tx.update(now, s.txBytes(), sent, s.linkSpeed(), -1, governorBound);
        });
        if (delay != null) {
            // The window follows the allowance, so the server, not only our reads, slows down.
            delay.limitWindows(route, name -> {
                Link link = links.get(name);
                return link == null ? -1 : link.rx.allowance();
            });
        }
    }

    private static InetAddress sentinel() {
        try {
            return InetAddress.getByAddress("unresolved", new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts the bytes that arrived on each of our connections since the last sample, per
     * interface, and takes the queueing delay of every connection that received something
     * (an idle connection's RTT is stale).
     */
    private void observeConnections(long now, Function<InetAddress, String> route, Map<String, Long> delays) {
        Map<Long, Long> seen = new HashMap<>();
        for (TcpSocketTable.Connection c : sockets.connections()) {
            long bytes = c.info().bytesReceived();
            seen.put(c.inode(), bytes);
            long fresh = bytes - lastReceived.getOrDefault(c.inode(), 0L);
            String name = fresh > 0 ? route.apply(c.peer()) : null;
            if (name != null) {
                arrived.merge(name, fresh, Long::sum);
                if (delay != null && c.info().receiverRttMicros() > 0) {
                    delays.merge(name, delay.queueingDelay(c.peer(), now, c.info()), Math::max);
                }
            }
        }
        lastReceived = seen;
    }

    /** Resolves server names the governor asked about; here, never on a transfer thread. */
    private void resolvePending() {
        resolved.replaceAll((host, address) -> {
            if (address != UNRESOLVED) {
                return address;
            }
            try {
                String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                return InetAddress.getByName(bare);
            } catch (java.net.UnknownHostException e) {
                return UNRESOLVED;
            }
        });
    }

    /** Per-interface state: one controller per direction. */
    private static final class Link {
        final AllowanceController rx;
        final AllowanceController tx;
        volatile long lastAsked;
        volatile long delayMicros = -1;

        Link(long configuredCapacity, long now) {
            lastAsked = now;
            rx = new AllowanceController(configuredCapacity);
            tx = new AllowanceController(configuredCapacity);
        }
    }

    /** Where the capacity of {@code name} in that direction comes from (read-only, for Get-BitsBandwidth). */
    public CapacitySource capacitySource(String name, boolean upload) {
        Link link = links.get(name);
        return link == null ? CapacitySource.UNKNOWN : (upload ? link.tx : link.rx).capacitySource();
    }

    /**
     * The interface that carries {@code job}'s bytes now, or null when the job is not
     * transferring, its server is not yet resolved or has no route (read-only: resolves nothing).
     */
    public String interfaceOf(org.drizzle.engine.job.JobId job) {
        JobServers.Server server = jobs.of(job);
        InetAddress address = server == null ? null : resolved.get(server.host());
        return address == null || address == UNRESOLVED ? null : os.interfaceFor(address);
    }
}
