package org.drizzle.cmdlets.dotnet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** System.Uri instance properties on {@link URI}: AbsoluteUri, Host, Port (default per scheme), Segments... */
final class UriMembers {
    static final Set<String> NAMES = Set.of("absoluteuri", "originalstring", "scheme", "host", "port", "absolutepath",
            "localpath", "pathandquery", "query", "fragment", "authority", "segments", "isabsoluteuri", "userinfo",
            "isdefaultport", "isfile", "isloopback");

    private UriMembers() {
    }

    static Object property(URI u, String n) {
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return switch (n) {
            case "absoluteuri", "originalstring" -> u.toString();
            case "scheme" -> u.getScheme();
            case "host" -> u.getHost();
            case "port" -> port(u);
            case "isdefaultport" -> u.getPort() == -1;
            case "absolutepath" -> path;
            case "localpath" -> u.getPath();
            case "pathandquery" -> path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            case "query" -> u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
            case "fragment" -> u.getRawFragment() == null ? "" : "#" + u.getRawFragment();
            case "authority" -> u.getHost() == null ? "" : u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
            case "userinfo" -> u.getRawUserInfo() == null ? "" : u.getRawUserInfo();
            case "isabsoluteuri" -> u.isAbsolute();
            case "isfile" -> "file".equalsIgnoreCase(u.getScheme());
            case "isloopback" -> "localhost".equalsIgnoreCase(u.getHost()) || "127.0.0.1".equals(u.getHost());
            case "segments" -> segments(path);
            default -> null;
        };
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return switch (u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    /** "/a/b.iso" gives "/", "a/", "b.iso" as .NET does. */
    private static Object[] segments(String path) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                out.add(path.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < path.length()) {
            out.add(path.substring(start));
        }
        return out.toArray();
    }
}
