package org.drizzle.engine.network.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.network.InterfaceCounters;
import org.drizzle.engine.network.RouteLookup;
import org.drizzle.policy.PolicySnapshot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector contract: yes/no detectors keep their NearCap meaning, full-cost detectors get the server, selection by OS. */
class MeteredDetectorTest {
    @TempDir
    Path dir;

    @Test
    void yesNoDetectorsMapToNearCapOrUnrestrictedFromNetworkManager() {
        MeteredDetector yes = name -> true;
        MeteredDetector no = name -> false;
        assertThat(yes.cost("wwan0", null)).isEqualTo(new NetworkCost(CostFlags.NEAR_CAP, "wwan0", "NetworkManager"));
        assertThat(no.cost("eth0", null)).isEqualTo(new NetworkCost(CostFlags.UNRESTRICTED, "eth0", "NetworkManager"));
        assertThat(MeteredDetector.NONE.cost("eth0", null)).isNull();
    }

    @Test
    void onLinuxNetworkManagerIsChosenNotTheNetworkListManager() {
        Assumptions.assumeFalse(Platform.isWindows(), "selection on Linux");
        assertThat(MeteredDetector.forThisOs()).isInstanceOf(NmcliMeteredDetector.class)
                .isNotInstanceOf(WindowsNetworkCost.class);
    }

    /** A detector that knows full costs (as Windows' does) is asked with the job's server, and its answer is used as is. */
    @Test
    void monitorAsksAFullCostDetectorWithTheServerAndClosesIt() throws Exception {
        List<InetAddress> asked = new CopyOnWriteArrayList<>();
        AtomicReference<Integer> state = new AtomicReference<>(CostFlags.OVERCAP_THROTTLED);
        AtomicBoolean closed = new AtomicBoolean();
        class FullCost implements MeteredDetector, AutoCloseable {
            @Override
            public Boolean metered(String interfaceName) {
                throw new AssertionError("a full-cost detector is asked for the cost, not yes/no");
            }

            @Override
            public NetworkCost cost(String interfaceName, InetAddress destination) {
                asked.add(destination);
                Integer s = state.get();
                return s == null ? null : new NetworkCost(s, interfaceName, "Windows network cost Fixed, OverDataLimit, Congested");
            }

            @Override
            public void close() {
                closed.set(true);
            }
        }
        AtomicReference<PolicySnapshot> policy = new AtomicReference<>(NetworkCostTest.policy("{}"));
        DeclaredCostMonitor monitor = new DeclaredCostMonitor(new RouteLookup(InterfaceCounters.forThisOs()), policy::get,
                new CostOverrides(dir.resolve("network-cost.json")), new FullCost());

        NetworkCost cost = monitor.costFor("127.0.0.1");
        assertThat(cost.costBit()).isEqualTo(CostFlags.OVERCAP_THROTTLED);
        assertThat(cost.describe()).isEqualTo("lo is OverCapThrottled (Windows network cost Fixed, OverDataLimit, Congested)");
        assertThat(asked).containsExactly(InetAddress.getByName("127.0.0.1"));

        state.set(null);
        monitor.refresh();
        assertThat(monitor.costFor("127.0.0.1")).isEqualTo(NetworkCost.unrestricted("lo"));
        assertThat(asked).hasSize(2).allMatch(InetAddress.getByName("127.0.0.1")::equals);

        policy.set(NetworkCostTest.policy("{\"Drizzle\": {\"MeteredInterfaces\": [\"lo\"]}}"));
        state.set(CostFlags.UNRESTRICTED);
        monitor.refresh();
        assertThat(monitor.costFor("127.0.0.1").source()).isEqualTo("policy Drizzle\\MeteredInterfaces");

        monitor.close();
        assertThat(closed).isTrue();
    }
}
