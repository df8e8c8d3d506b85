package org.drizzle.engine.network.cost;

import org.drizzle.engine.job.CostFlags;

/**
 * The cost of the network a server is reached through: one {@code BITS_COST_STATE_*} bit
 * (bits-reference.md §5), the interface, and who said so.
 *
 * @param source "admin override", "policy (Drizzle\MeteredInterfaces)", "NetworkManager",
 *               "Windows network cost" followed by Windows' cost names (e.g. "Fixed,
 *               ApproachingDataLimit"), or "default" (nothing says the network costs anything)
 */
public record NetworkCost(int costBit, String interfaceName, String source) {

    public static NetworkCost unrestricted(String interfaceName) {
        return new NetworkCost(CostFlags.UNRESTRICTED, interfaceName, "default");
    }

    /** E.g. "wwan0 is NearCap (NetworkManager)". */
    public String describe() {
        return (interfaceName == null ? "the network" : interfaceName) + " is " + CostFlags.format(costBit) + " (" + source + ")";
    }
}
