package org.drizzle.engine.network;

import java.net.InetAddress;
import java.util.Locale;

/**
 * The operating system's view of network interfaces: which interface routes to a server, and
 * that interface's byte counters, speed and up/down state. Linux reads the routing table under
 * /proc/net and the counters under /sys/class/net; Windows asks IP Helper (GetBestInterfaceEx,
 * GetIfEntry2). Reads are cheap enough to call several times a second.
 */
public interface InterfaceCounters {

    /** The interface a packet to {@code address} leaves by now, or null when there is no route. */
    String interfaceFor(InetAddress address);

    /** The interface's counters and state now, or null when it no longer exists. */
    InterfaceSample read(String name);

    /** The backend for the running operating system. */
    static InterfaceCounters forThisOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? new WindowsInterfaceCounters() : new LinuxInterfaceCounters();
    }
}
