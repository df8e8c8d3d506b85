package org.drizzle.engine.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices, four times a second, when the route to a job's server disappears or the interface
 * it leaves by goes down, and when it comes back; listeners (the scheduler) hear about every
 * change. Polling the routing table and interface state through {@link InterfaceCounters}
 * works the same on Linux (/proc/net, /sys/class/net) and Windows (GetBestInterfaceEx,
 * GetIfEntry2) and costs a few small file reads per server per poll.
 *
 * <p>Servers are watched once asked about and forgotten after ten minutes without a question.
 * Host names are resolved on the polling thread (never on the caller's) and the last answer is
 * kept while DNS is unreachable, since that is exactly when the network is gone; a name never
 * resolved counts as reachable so the transfer itself can report what is wrong.
 */
public final class LinkMonitor implements AutoCloseable {

    /** Poll period; with the scheduler's re-evaluation a job resumes within two seconds. */
    public static final long PERIOD_MILLIS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(LinkMonitor.class);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*]?");
    private static final long FORGET_NANOS = 600_000_000_000L;
    private static final long RESOLVE_NANOS = 60_000_000_000L;

    private final InterfaceCounters os;
    private final Map<String, Watched> servers = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;

    public LinkMonitor(InterfaceCounters os) {
        this.os = os;
    }

    /** Starts polling on a daemon thread. */
    public synchronized void start() {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drizzle-link-monitor");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::pollSafely, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    /** Registers a listener run (on the polling thread) whenever any server's reachability changes. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Null when {@code host} is reachable as far as this machine can tell (a route exists and
     * its interface is up), else a sentence saying why not. Never blocks: it answers from the
     * last poll and starts watching hosts it has not seen.
     */
    public String unreachable(String host) {
        String key = host.toLowerCase(java.util.Locale.ROOT);
        Watched w = servers.computeIfAbsent(key, k -> {
            Watched fresh = new Watched(k);
            if (IP_LITERAL.matcher(k).matches()) {
                // Literals need no DNS, so the first answer can be exact at once.
                fresh.resolve(System.nanoTime());
                fresh.reason = check(fresh);
            }
            return fresh;
        });
        w.lastAsked = System.nanoTime();
        return w.reason;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("link poll failed", e);
        }
    }

    /** One round over every watched server; fires the listeners if anything changed. */
    public void poll() {
        long now = System.nanoTime();
        servers.values().removeIf(w -> now - w.lastAsked > FORGET_NANOS);
        boolean changed = false;
        for (Watched w : servers.values()) {
            if (w.addresses == null || now - w.resolvedAt > RESOLVE_NANOS) {
                w.resolve(now);
            }
            String reason = check(w);
            if (!Objects.equals(reason, w.reason)) {
                LOG.info(reason == null ? "network to {} is back" : "network to {} lost: {}", LogText.of(w.host), LogText.of(reason));
                w.reason = reason;
                changed = true;
            }
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Reachable if any of the host's addresses has a route through an interface that is up. */
    private String check(Watched w) {
        if (w.addresses == null) {
            return null;
        }
        String why = null;
        for (InetAddress a : w.addresses) {
            String name = os.interfaceFor(a);
            if (name == null) {
                why = "no network route to " + w.host + " (" + a.getHostAddress() + ")";
                continue;
            }
            InterfaceSample s = os.read(name);
            if (s != null && s.up()) {
                return null;
            }
            why = "network interface " + name + " to " + w.host + " is down";
        }
        return why;
    }

    /** One watched server: its addresses and the last verdict. */
    private static final class Watched {
        final String host;
        volatile InetAddress[] addresses;
        volatile long resolvedAt;
        volatile long lastAsked = System.nanoTime();
        volatile String reason;

        Watched(String host) {
            this.host = host;
        }

        void resolve(long now) {
            try {
                String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                addresses = InetAddress.getAllByName(bare);
                resolvedAt = now;
            } catch (UnknownHostException e) {
                // Keep the previous answer: DNS failing is a symptom of the outage itself.
                resolvedAt = now;
            }
        }
    }
}
