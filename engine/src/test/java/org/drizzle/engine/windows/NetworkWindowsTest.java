package org.drizzle.engine.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.drizzle.engine.job.CostFlags;
import org.drizzle.engine.network.InterfaceSample;
import org.drizzle.engine.network.WindowsInterfaceCounters;
import org.drizzle.engine.network.cost.NetworkCost;
import org.drizzle.engine.network.cost.WindowsNetworkCost;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The Network List Manager cost reader (CoInitializeEx, CoCreateInstance of INetworkCostManager,
 * GetCost through the vtable, Release, CoUninitialize) and the IP Helper interface counters
 * (GetBestInterfaceEx, GetIfEntry2). Wine's Network List Manager answers "unrestricted" for
 * every destination, as an unmetered Windows machine does.
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class NetworkWindowsTest {

    @Test
    void theNetworkListManagerAnswersTheCostOfTheMachineAndOfADestination() throws Exception {
        try (WindowsNetworkCost nlm = new WindowsNetworkCost()) {
            NetworkCost machine = nlm.cost(null, null);
            NetworkCost loopback = nlm.cost("lo", InetAddress.getByName("127.0.0.1"));
            NetworkCost v6 = nlm.cost("lo", InetAddress.getByName("::1"));

            assertThat(machine).as("GetCost for the machine").isNotNull();
            assertThat(machine.source()).startsWith("Windows network cost ");
            assertThat(loopback).as("GetCost for 127.0.0.1").isNotNull();
            assertThat(v6).as("GetCost for ::1").isNotNull();
            if (Wine.running()) {
                assertThat(machine.costBit()).isEqualTo(CostFlags.UNRESTRICTED);
                assertThat(nlm.metered(null)).isFalse();
            }
        }
    }

    @Test
    void theRouteToAServerNamesAnInterfaceWithCounters() throws Exception {
        WindowsInterfaceCounters counters = new WindowsInterfaceCounters();
        String index = counters.interfaceFor(InetAddress.getByName("127.0.0.1"));
        assertThat(index).as("GetBestInterfaceEx for 127.0.0.1").isNotNull().matches("\\d+");

        InterfaceSample sample = counters.read(index);
        assertThat(sample).as("GetIfEntry2 for interface %s", index).isNotNull();
        assertThat(sample.name()).isEqualTo(index);
        assertThat(sample.rxBytes()).isNotNegative();
        assertThat(counters.read("not-an-index")).isNull();
    }
}
