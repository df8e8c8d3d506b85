package org.drizzle.engine.network.cost;

import com.sun.jna.Platform;
import java.net.InetAddress;
import org.drizzle.engine.job.CostFlags;

/**
 * What the operating system says about the cost of a network: NetworkManager's metered yes/no
 * per interface on Linux ({@link NmcliMeteredDetector}), the Network List Manager's full cost
 * for a destination on Windows ({@link WindowsNetworkCost}).
 */
public interface MeteredDetector {
    /** No detector on this system: only declarations apply. */
    MeteredDetector NONE = name -> null;

    /** True/false when known, null when the system does not say (or cannot be asked). */
    Boolean metered(String interfaceName);

    /**
     * The cost of the network {@code destination} is reached through by {@code interfaceName},
     * or null when the system does not say. A detector that only knows yes/no answers with
     * {@link #metered}: NearCap when metered (Drizzle cannot see the plan's cap), else
     * Unrestricted, attributed to NetworkManager; detectors that know more override this.
     *
     * @param destination the job's server, or null when none is known (the system's answer for
     *                    its preferred connection, where it has one)
     */
    default NetworkCost cost(String interfaceName, InetAddress destination) {
        Boolean metered = metered(interfaceName);
        if (metered == null) {
            return null;
        }
        return new NetworkCost(metered ? CostFlags.NEAR_CAP : CostFlags.UNRESTRICTED, interfaceName, "NetworkManager");
    }

    /** The detector for the running system: Windows' Network List Manager, else NetworkManager. */
    static MeteredDetector forThisOs() {
        return Platform.isWindows() ? new WindowsNetworkCost() : new NmcliMeteredDetector();
    }
}
