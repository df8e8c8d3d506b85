package org.drizzle.engine.network.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.network.InterfaceCounters;
import org.drizzle.engine.network.RouteLookup;
import org.drizzle.policy.JsonPolicyReader;
import org.drizzle.policy.PolicySnapshot;
import org.drizzle.policy.PolicySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cost precedence (override > policy > NetworkManager > default), parsing of ip/nmcli output, overrides file. */
class NetworkCostTest {
    @TempDir
    Path dir;

    static PolicySnapshot policy(String json) throws Exception {
        return PolicySnapshot.of(List.of(JsonPolicyReader.read(json, PolicySource.FILE, "t")));
    }

    @Test
    void parsesNmcliMetered() {
        assertThat(NmcliMeteredDetector.parse("GENERAL.METERED:yes\n")).isTrue();
        assertThat(NmcliMeteredDetector.parse("GENERAL.METERED:yes (guessed)\n")).isTrue();
        assertThat(NmcliMeteredDetector.parse("GENERAL.METERED:no (guessed)\n")).isFalse();
        assertThat(NmcliMeteredDetector.parse("GENERAL.METERED:unknown\n")).isNull();
        assertThat(NmcliMeteredDetector.parse("Error: Device 'x' not found.\n")).isNull();
        assertThat(new NmcliMeteredDetector(null).metered("eth0")).isNull();
    }

    @Test
    void overrideBeatsPolicyBeatsNetworkManager() throws Exception {
        CostOverrides overrides = new CostOverrides(dir.resolve("network-cost.json"));
        AtomicReference<PolicySnapshot> snapshot = new AtomicReference<>(policy("{}"));
        AtomicReference<Boolean> nm = new AtomicReference<>(null);
        DeclaredCostMonitor monitor = new DeclaredCostMonitor(new RouteLookup(InterfaceCounters.forThisOs()),
                snapshot::get, overrides, name -> nm.get());
        AtomicInteger changes = new AtomicInteger();
        monitor.onChange(changes::incrementAndGet);

        assertThat(monitor.costFor("127.0.0.1")).isEqualTo(new NetworkCost(CostFlags.UNRESTRICTED, "lo", "default"));
        nm.set(true);
        monitor.refresh();
        assertThat(monitor.costFor("127.0.0.1")).isEqualTo(new NetworkCost(CostFlags.NEAR_CAP, "lo", "NetworkManager"));
        snapshot.set(policy("{\"Drizzle\": {\"RoamingInterfaces\": [\"lo\"], \"MeteredInterfaces\": [\"lo\"]}}"));
        monitor.refresh();
        assertThat(monitor.costFor("127.0.0.1").costBit()).isEqualTo(CostFlags.ROAMING);
        overrides.set("lo", "unrestricted");
        monitor.refresh();
        assertThat(monitor.costFor("127.0.0.1").costBit()).isEqualTo(CostFlags.UNRESTRICTED);
        assertThat(monitor.costFor("127.0.0.1").source()).startsWith("admin override");
        assertThat(Files.readString(overrides.file())).contains("\"lo\" : \"Unrestricted\"");
        overrides.set("lo", null);
        monitor.refresh();
        assertThat(monitor.costFor("127.0.0.1").costBit()).isEqualTo(CostFlags.ROAMING);
        assertThat(changes.get()).isEqualTo(4);
    }

    @Test
    void costNames() {
        assertThat(CostOverrides.parseCost("Metered")).isEqualTo(CostFlags.NEAR_CAP);
        assertThat(CostOverrides.parseCost("roaming")).isEqualTo(CostFlags.ROAMING);
        assertThat(CostOverrides.parseCost("OverCapCharged")).isEqualTo(CostFlags.OVERCAP_CHARGED);
        assertThatThrownBy(() -> CostOverrides.parseCost("Standard")).hasMessageContaining("'Standard' is not a network cost");
        assertThatThrownBy(() -> new CostOverrides(dir.resolve("c.json")).set("eth0", "cheap"))
                .hasMessageContaining("'cheap'");
        assertThat(Files.exists(dir.resolve("c.json"))).isFalse();
    }

    @Test
    void metered_blocksStandardAndUnrestricted_butNotNoSurchargeOrAlways() {
        for (Map.Entry<Integer, Boolean> e : Map.of(CostFlags.STANDARD, false, CostFlags.POLICY_UNRESTRICTED, false,
                CostFlags.NO_SURCHARGE, true, CostFlags.NOT_ROAMING, true, CostFlags.ALWAYS, true).entrySet()) {
            assertThat(CostFlags.allows(e.getKey(), CostFlags.NEAR_CAP)).as(CostFlags.format(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(CostFlags.allows(CostFlags.NOT_ROAMING, CostFlags.ROAMING)).isFalse();
    }

    @Test
    void jobLimitsComeFromPolicy() throws Exception {
        var limits = PolicyService.toJobLimits(policy("{\"MaxJobsPerUser\": 5, \"JobInactivityTimeout\": 3, \"MaxDownloadTime\": 60}"));
        assertThat(limits.maxJobsPerUser()).isEqualTo(5);
        assertThat(limits.maxJobsPerMachine()).isEqualTo(300);
        assertThat(limits.jobInactivityTimeout()).hasDays(3);
        assertThat(limits.maxDownloadTime()).hasSeconds(60);
        assertThat(PolicyService.toJobLimits(PolicySnapshot.NOT_CONFIGURED)).isEqualTo(org.drizzle.engine.job.JobLimits.DEFAULTS);
    }
}
