package org.drizzle.engine.bandwidth;

/**
 * The current cost of the network that routes to a server, for TransferPolicy checks.
 * {@link DeclaredCostMonitor} is the implementation on both systems; what differs is its
 * {@link MeteredDetector}: Linux asks NetworkManager ({@link NmcliMeteredDetector}); on Windows
 * the Network List Manager cost API (INetworkCostManager) is a COM interface that jna-platform
 * does not wrap, so only the admin override and the policy's declarations apply there.
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
