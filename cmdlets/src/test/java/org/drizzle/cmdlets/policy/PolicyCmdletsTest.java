package org.drizzle.cmdlets.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-BitsPolicy, Test-BitsPolicy and Set-BitsNetworkCost against real policy files. */
class PolicyCmdletsTest {
    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void files() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"JobInactivityTimeout\": 30, \"Throttling\": {\"EnableBandwidthLimits\": 1,"
                + " \"WorkSchedule\": {\"StartDay\": 1, \"EndDay\": 5, \"StartHour\": 8, \"EndHour\": 17,"
                + " \"LowBandwidthLimit\": 0, \"LowBandwidthType\": 1}}}");
        System.setProperty("drizzle.policy.file", policy.toString());
        System.setProperty("drizzle.network.cost.file", dir.resolve("network-cost.json").toString());
        host = new TestHost(dir, null);
    }

    @AfterEach
    void clear() {
        System.clearProperty("drizzle.policy.file");
        System.clearProperty("drizzle.network.cost.file");
    }

    @Test
    void getBitsPolicyShowsEveryValueWithItsSource() {
        List<Object> out = host.run(cmd("Get-BitsPolicy"));
        assertThat(out).contains(
                new BitsPolicyValue("JobInactivityTimeout", 30L, "Policy file", "1-999 days",
                        "Idle jobs are cancelled and their files deleted after this long"));
        BitsPolicyValue maxDownload = out.stream().map(BitsPolicyValue.class::cast)
                .filter(v -> v.name().equals("MaxDownloadTime")).findFirst().orElseThrow();
        assertThat(maxDownload.value()).isEqualTo(7_776_000L);
        assertThat(maxDownload.source()).isEqualTo("Not configured");

        List<Object> configured = host.run(cmd("Get-BitsPolicy", sw("Configured")));
        assertThat(configured).extracting(v -> ((BitsPolicyValue) v).name()).containsExactly("JobInactivityTimeout",
                "Throttling\\EnableBandwidthLimits", "Throttling\\WorkSchedule\\StartDay", "Throttling\\WorkSchedule\\EndDay",
                "Throttling\\WorkSchedule\\StartHour", "Throttling\\WorkSchedule\\EndHour",
                "Throttling\\WorkSchedule\\LowBandwidthLimit", "Throttling\\WorkSchedule\\LowBandwidthType");
        assertThat(host.run(cmd("Get-BitsPolicy", "Throttling\\Work*Hour"))).hasSize(2);
    }

    @Test
    void aRejectedFileIsAWarningAndTheDefaultsShow() throws Exception {
        Files.writeString(Path.of(System.getProperty("drizzle.policy.file")), "{\"JobInactivityTimeout\": 0}");
        List<Object> out = host.run(cmd("Get-BitsPolicy", "JobInactivityTimeout"));
        assertThat(host.warnings).anySatisfy(w -> assertThat(w).contains("JobInactivityTimeout = 0", "1-999 days"));
        assertThat(((BitsPolicyValue) out.get(0)).value()).isEqualTo(90L);
    }

    @Test
    void testBitsPolicySaysTheLimitAndWhy() {
        BitsPolicyTest friday = (BitsPolicyTest) host.run(cmd("Test-BitsPolicy", p("At", "2026-11-27 09:30"),
                p("Priority", "Low"))).get(0);
        assertThat(friday.limit()).isEqualTo("Blocked");
        assertThat(friday.bytesPerSecond()).isZero();
        assertThat(friday.rule()).isEqualTo("Work schedule");
        assertThat(friday.reason()).contains("Low-priority", "Monday-Friday 08:00-17:00");
        assertThat(friday.nextChange()).isEqualTo(LocalDateTime.parse("2026-11-27T17:00"));

        BitsPolicyTest saturday = (BitsPolicyTest) host.run(cmd("Test-BitsPolicy", p("At", "2026-11-28 09:30"),
                p("Priority", "Low"))).get(0);
        assertThat(saturday.limit()).isEqualTo("Unlimited");
        assertThat(saturday.rule()).isEqualTo("Non-work schedule");
    }

    @Test
    void setBitsNetworkCostWritesTheOverrideFile() throws Exception {
        host.run(cmd("Set-BitsNetworkCost", p("InterfaceAlias", "wwan0"), p("Cost", "Metered")));
        assertThat(Files.readString(dir.resolve("network-cost.json"))).contains("\"wwan0\" : \"Metered\"");
        host.run(cmd("Set-BitsNetworkCost", p("InterfaceAlias", "wwan0"), sw("Clear")));
        assertThat(Files.readString(dir.resolve("network-cost.json"))).doesNotContain("wwan0");
    }
}
