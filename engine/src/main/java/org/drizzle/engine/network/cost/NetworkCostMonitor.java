package org.drizzle.engine.network.cost;

/**
 * The current cost of the network that routes to a server, for TransferPolicy checks.
 * {@link DeclaredCostMonitor} is the implementation on both systems; what differs is its
 * {@link MeteredDetector}: Linux asks NetworkManager ({@link NmcliMeteredDetector}); Windows asks
 * the Network List Manager's INetworkCostManager through COM ({@link WindowsNetworkCost}).
 * Implementations answer from cached state (cheap, non-blocking) and call the listener when a
 * cost changes, so jobs blocked by cost resume by themselves.
 */
public interface NetworkCostMonitor extends AutoCloseable {

    /** The cost of the network {@code host} is reached through now. */
    NetworkCost costFor(String host);

    /** Registers a listener run whenever any interface's cost changes. */
    void onChange(Runnable listener);

    @Override
    void close();
}
