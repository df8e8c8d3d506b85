package org.drizzle.cmdlets.server;

import java.util.List;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.drizzle.engine.server.BitsServer;

/** What Start-BitsServer outputs: the running server's address and root, and {@link #stop()}. */
public final class RunningBitsServer implements PropertyBag {
    private static final List<String> NAMES = List.of("Url", "Root", "VirtualDirectory", "Port");
    private final BitsServer server;
    private final String root;
    private final String virtualDirectory;

    RunningBitsServer(BitsServer server, String root, String virtualDirectory) {
        this.server = server;
        this.root = root;
        this.virtualDirectory = virtualDirectory;
    }

    /** Stops listening; sessions stay on disk for the next start. */
    public void stop() {
        server.close();
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "url" -> server.baseUri().resolve(virtualDirectory).toString();
            case "root" -> root;
            case "virtualdirectory" -> virtualDirectory;
            case "port" -> server.port();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "BITS server " + getProperty("Url") + " -> " + root;
    }
}
