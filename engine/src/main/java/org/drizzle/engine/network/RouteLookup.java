package org.drizzle.engine.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which interface routes to a server, and whether the server is on-link (no gateway: the LAN,
 * for Throttling\IgnoreBandwidthLimitsOnLan). On Linux it asks the kernel with
 * {@code ip route get <address>} (policy routing included); without iproute2, and on Windows,
 * it falls back to {@link InterfaceCounters#interfaceFor} and treats the server as off-LAN.
 * Answers are cached for 30 seconds so run conditions stay cheap.
 */
public final class RouteLookup {
    /** An interface and the gateway on the way (null when the server is on-link). */
    public record Route(String interfaceName, String gateway) {
        public boolean onLink() {
            return interfaceName != null && gateway == null;
        }
    }

    private static final Pattern DEV = Pattern.compile("\\bdev\\s+(\\S+)");
    private static final Pattern VIA = Pattern.compile("\\bvia\\s+(\\S+)");
    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Path IP = Path.of("/usr/sbin/ip");
    private static final Path IP_ALT = Path.of("/sbin/ip");

    private final InterfaceCounters fallback;
    private final Path ip;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Route route, long at) {
    }

    public RouteLookup(InterfaceCounters fallback) {
        this.fallback = fallback;
        this.ip = Files.isExecutable(IP) ? IP : Files.isExecutable(IP_ALT) ? IP_ALT : null;
    }

    /** The route to {@code host} now, or null when the host cannot be resolved or has no route. */
    public Route routeTo(String host) {
        long now = System.nanoTime();
        Cached c = cache.get(host);
        if (c != null && now - c.at < CACHE_NANOS) {
            return c.route;
        }
        Route route = lookup(host);
        cache.put(host, new Cached(route, now));
        return route;
    }

    /** Forgets cached routes (after a network change). */
    public void invalidate() {
        cache.clear();
    }

    private Route lookup(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return new Route("lo", null);
        }
        if (ip != null) {
            Route r = ipRouteGet(address);
            if (r != null) {
                return r;
            }
        }
        String name = fallback.interfaceFor(address);
        return name == null ? null : new Route(name, "unknown");
    }

    private Route ipRouteGet(InetAddress address) {
        String out = ProcessOutput.of(2, ip.toString(), "route", "get", address.getHostAddress());
        return out == null ? null : parse(out);
    }

    /** Parses the first line of {@code ip route get}: "10.0.0.7 via 192.168.1.1 dev wlan0 src ...". */
    static Route parse(String output) {
        String first = output.lines().findFirst().orElse("");
        Matcher dev = DEV.matcher(first);
        if (!dev.find()) {
            return null;
        }
        Matcher via = VIA.matcher(first);
        return new Route(dev.group(1), via.find() ? via.group(1) : null);
    }
}
