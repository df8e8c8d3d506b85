package org.drizzle.engine.network.cost;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.network.RouteLookup;
import org.drizzle.policy.PolicySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Network cost from declarations and the system's own cost. For the interface routing to a
 * server, first match wins: the admin override file; the policy's Drizzle\RoamingInterfaces
 * (Roaming) and Drizzle\MeteredInterfaces (NearCap); the {@link MeteredDetector} (NetworkManager:
 * NearCap when metered; Windows: the Network List Manager's cost of the route to a server that
 * uses the interface); else Unrestricted. Costs are cached per interface and re-read every few
 * seconds and on {@link #refresh}; listeners hear about every change.
 */
public final class DeclaredCostMonitor implements NetworkCostMonitor {
    public static final long POLL_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DeclaredCostMonitor.class);

    private final RouteLookup routes;
    private final Supplier<PolicySnapshot> policy;
    private final CostOverrides overrides;
    private final MeteredDetector detector;
    private final Map<String, NetworkCost> byInterface = new ConcurrentHashMap<>();
    /** One server reached through each interface, so the detector can ask for that route's cost. */
    private final Map<String, InetAddress> destinations = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;

    public DeclaredCostMonitor(RouteLookup routes, Supplier<PolicySnapshot> policy, CostOverrides overrides,
                               MeteredDetector detector) {
        this.routes = routes;
        this.policy = policy;
        this.overrides = overrides;
        this.detector = detector;
    }

    /** Starts the periodic re-read. */
    public synchronized DeclaredCostMonitor start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drizzle-network-cost");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::refreshSafely, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
        }
        return this;
    }

    @Override
    public NetworkCost costFor(String host) {
        RouteLookup.Route route = routes.routeTo(host);
        if (route == null) {
            return NetworkCost.unrestricted(null);
        }
        if (!destinations.containsKey(route.interfaceName())) {
            InetAddress address = resolve(host);
            if (address != null) {
                destinations.putIfAbsent(route.interfaceName(), address);
            }
        }
        return byInterface.computeIfAbsent(route.interfaceName(), this::compute);
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Re-reads every known interface's cost now (after a policy or override change). */
    public void refresh() {
        routes.invalidate();
        boolean changed = false;
        for (Map.Entry<String, NetworkCost> e : byInterface.entrySet()) {
            NetworkCost now = compute(e.getKey());
            if (!Objects.equals(now, e.getValue())) {
                LOG.info("Network cost changed: {}", now.describe());
                e.setValue(now);
                changed = true;
            }
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("network cost refresh failed: {}", e.toString());
        }
    }

    private NetworkCost compute(String name) {
        Integer declared = overrides.read().get(name);
        if (declared != null) {
            return new NetworkCost(declared, name, "admin override " + overrides.file());
        }
        PolicySnapshot p = policy.get();
        if (p.roamingInterfaces().contains(name)) {
            return new NetworkCost(CostFlags.ROAMING, name, "policy Drizzle\\RoamingInterfaces");
        }
        if (p.meteredInterfaces().contains(name)) {
            return new NetworkCost(CostFlags.NEAR_CAP, name, "policy Drizzle\\MeteredInterfaces");
        }
        NetworkCost fromSystem = detector.cost(name, destinations.get(name));
        return fromSystem != null ? fromSystem : NetworkCost.unrestricted(name);
    }

    /** Stops the re-read, then the detector when it holds resources (Windows' COM thread). */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        if (detector instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", detector, e.toString());
            }
        }
    }
}
