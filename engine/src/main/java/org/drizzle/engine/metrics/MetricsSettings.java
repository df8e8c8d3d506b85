package org.drizzle.engine.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the service publishes its Prometheus metrics (docs/metrics.md): an HTTP address
 * serving {@code /metrics}, a node_exporter textfile, both or neither (the default).
 *
 * @param address  where to listen, or null for no HTTP endpoint
 * @param textfile the {@code .prom} file to rewrite, or null for none
 */
public record MetricsSettings(InetSocketAddress address, Path textfile) {
    public static final MetricsSettings OFF = new MetricsSettings(null, null);

    public boolean enabled() {
        return address != null || textfile != null;
    }

    /**
     * Reads the two service.json values (either may be null). The address is {@code host:port}
     * with an IP literal ({@code [::1]:9464} for IPv6) or {@code localhost}: no name is looked
     * up at start. Throws IllegalArgumentException naming the bad value.
     */
    public static MetricsSettings parse(String address, String textfile) {
        Path file = null;
        if (textfile != null) {
            try {
                file = Path.of(textfile);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("metricsTextfile '" + textfile + "' is not a valid path");
            }
            if (!file.isAbsolute() || file.getFileName() == null || !file.getFileName().toString().endsWith(".prom")) {
                throw new IllegalArgumentException("metricsTextfile '" + textfile
                        + "' must be an absolute path ending in .prom (node_exporter reads only those)");
            }
        }
        return new MetricsSettings(address == null ? null : address(address), file);
    }

    private static InetSocketAddress address(String text) {
        String bad = "metricsAddress '" + text + "' is not valid: use host:port with an IP address or localhost,"
                + " e.g. 127.0.0.1:9464";
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.length() > 64) {
            throw new IllegalArgumentException(bad);
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(bad + " (write an IPv6 address in brackets)");
        }
        if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5
                || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
            throw new IllegalArgumentException(bad + " (the port must be 1 to 65535)");
        }
        if (!host.equals("localhost") && !isIpLiteral(host)) {
            throw new IllegalArgumentException(bad);
        }
        try {
            // An IP literal or localhost: no DNS lookup happens here.
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(portText));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(bad);
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && host.chars().filter(c -> c == '.').count() == 3
                && java.util.Arrays.stream(host.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255)
                || host.matches("[0-9a-fA-F:.]+") && host.contains(":");
    }

    /** "127.0.0.1:9464" for logs, "[::1]:9464" for IPv6. */
    public String addressText() {
        if (address == null) {
            return "none";
        }
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
