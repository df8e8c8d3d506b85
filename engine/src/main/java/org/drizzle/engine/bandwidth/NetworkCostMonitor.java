package org.drizzle.engine.bandwidth;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.drizzle.policy.PolicySnapshot;

/**
 * The current cost of the network that routes to a server, for TransferPolicy checks.
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

    /**
     * The backend for this operating system. Linux: admin override file, then the policy's
     * declared metered/roaming interfaces, then NetworkManager's Metered property via nmcli.
     * Windows: admin override and policy declarations only; the Network List Manager cost API
     * (INetworkCostManager) is a COM interface that jna-platform does not wrap, so Drizzle does
     * not read Windows' own metered flag (declare such interfaces in policy instead).
     */
    static NetworkCostMonitor forThisOs(RouteLookup routes, Supplier<PolicySnapshot> policy, Path overrideFile) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        MeteredDetector detector = windows ? MeteredDetector.NONE : new NmcliMeteredDetector();
        return new DeclaredCostMonitor(routes, policy, new CostOverrides(overrideFile), detector);
    }
}
