package org.drizzle.engine.network;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An operating system whose routes and counters a test sets by hand. */
public final class FakeInterfaces implements InterfaceCounters {
    public final Map<InetAddress, String> routes = new ConcurrentHashMap<>();
    final Map<String, InterfaceSample> nics = new ConcurrentHashMap<>();

    @Override
    public String interfaceFor(InetAddress address) {
        return routes.get(address);
    }

    @Override
    public InterfaceSample read(String name) {
        return nics.get(name);
    }

    public void set(String name, long rx, long tx, boolean up) {
        nics.put(name, new InterfaceSample(name, rx, tx, 0, up));
    }
}
