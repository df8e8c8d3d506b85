package org.drizzle.engine.transfer;

import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.drizzle.engine.job.ProxyUsage;

/**
 * A job's proxy usage as an HttpClient route planner: SystemDefault and AutoDetect ask the
 * JVM's {@link ProxySelector} (java.net.useSystemProxies; WPAD/PAC is not HttpClient's job),
 * NoProxy connects directly, Override uses the job's ProxyList in order (the transport moves to
 * the next entry when one cannot be reached) except for hosts in ProxyBypass.
 */
final class ProxyRoutes {
    /** Context attribute: index into the override list of the proxy to try now. */
    static final String PROXY_INDEX = "drizzle.proxy-index";

    private ProxyRoutes() {
    }

    static HttpRoutePlanner planner(ProxyUsage usage, List<String> proxyList, List<String> bypass) {
        return switch (usage) {
            case NO_PROXY -> new DefaultRoutePlanner(null);
            case OVERRIDE -> new OverridePlanner(proxyList, bypass);
            case SYSTEM_DEFAULT, AUTO_DETECT -> new SystemDefaultRoutePlanner(ProxySelector.getDefault());
        };
    }

    /**
     * One ProxyList entry in BITS' syntax {@code [scheme=][scheme://]host[:port]}: a scheme
     * prefix limits the proxy to URLs of that scheme.
     */
    record ProxyEntry(String forScheme, HttpHost proxy) {
        static ProxyEntry parse(String text) {
            String s = text.trim();
            String forScheme = null;
            int eq = s.indexOf('=');
            if (eq > 0) {
                forScheme = s.substring(0, eq).toLowerCase(Locale.ROOT);
                s = s.substring(eq + 1);
            }
            String proxyScheme = "http";
            int sep = s.indexOf("://");
            if (sep > 0) {
                proxyScheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
                s = s.substring(sep + 3);
            }
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            int colon = s.lastIndexOf(':');
            String host = colon > 0 ? s.substring(0, colon) : s;
            int port = colon > 0 ? Integer.parseInt(s.substring(colon + 1)) : ("https".equals(proxyScheme) ? 443 : 80);
            return new ProxyEntry(forScheme, new HttpHost(proxyScheme, host, port));
        }
    }

    /** The override list of proxies, filtered by scheme, with ProxyBypass honoured. */
    static List<HttpHost> proxiesFor(String scheme, List<String> proxyList) {
        List<HttpHost> out = new ArrayList<>();
        for (String raw : proxyList) {
            for (String item : raw.split("[;\\s]+")) {
                if (item.isBlank()) {
                    continue;
                }
                ProxyEntry entry = ProxyEntry.parse(item);
                if (entry.forScheme() == null || entry.forScheme().equalsIgnoreCase(scheme)) {
                    out.add(entry.proxy());
                }
            }
        }
        return out;
    }

    /** Whether {@code host} matches a ProxyBypass entry ({@code <local>} = names without a dot; {@code *} wildcards). */
    static boolean bypassed(String host, List<String> bypass) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String raw : bypass) {
            for (String item : raw.split("[;\\s]+")) {
                String pattern = item.trim().toLowerCase(Locale.ROOT);
                if (pattern.isEmpty()) {
                    continue;
                }
                if ("<local>".equals(pattern) ? !h.contains(".") : globMatches(pattern, h)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean globMatches(String pattern, String host) {
        String p = pattern.replaceFirst("^[a-z]+://", "").replaceFirst(":\\d+$", "");
        StringBuilder regex = new StringBuilder();
        for (char c : p.toCharArray()) {
            regex.append(c == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return host.matches(regex.toString());
    }

    private static final class OverridePlanner extends DefaultRoutePlanner {
        private final List<String> proxyList;
        private final List<String> bypass;

        OverridePlanner(List<String> proxyList, List<String> bypass) {
            super(null);
            this.proxyList = proxyList;
            this.bypass = bypass;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            if (bypassed(target.getHostName(), bypass)) {
                return null;
            }
            List<HttpHost> proxies = proxiesFor(target.getSchemeName(), proxyList);
            if (proxies.isEmpty()) {
                return null;
            }
            Object index = context == null ? null : context.getAttribute(PROXY_INDEX);
            int i = index instanceof Integer n ? n : 0;
            return proxies.get(Math.min(i, proxies.size() - 1));
        }
    }
}
