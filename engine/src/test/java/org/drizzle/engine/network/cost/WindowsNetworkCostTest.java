package org.drizzle.engine.network.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The pure parts of the Windows Network List Manager backend (NLM_SOCKADDR byte layout, the
 * interface's vtable slots and GUIDs), and that on a system without COM it answers "unknown"
 * instead of failing. The COM calls themselves only run on Windows.
 */
class WindowsNetworkCostTest {

    @Test
    void ipv4NlmSockaddrIsASockaddrInPaddedTo128Bytes() throws Exception {
        byte[] b = WindowsNetworkCost.nlmSockaddr(InetAddress.getByName("192.0.2.7"));
        assertThat(b).hasSize(128);
        assertThat(Arrays.copyOfRange(b, 0, 8)).containsExactly(2, 0, 0, 0, 192, 0, 2, 7);
        assertThat(Arrays.copyOfRange(b, 8, 128)).containsOnly(0);
    }

    @Test
    void ipv6NlmSockaddrIsASockaddrIn6WithScopeIdPaddedTo128Bytes() throws Exception {
        Inet6Address a = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1:2").getAddress(), 0x0102_0304);
        byte[] b = WindowsNetworkCost.nlmSockaddr(a);
        assertThat(b).hasSize(128);
        assertThat(Arrays.copyOfRange(b, 0, 8)).containsExactly(23, 0, 0, 0, 0, 0, 0, 0);
        assertThat(Arrays.copyOfRange(b, 8, 24)).containsExactly(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2);
        assertThat(Arrays.copyOfRange(b, 24, 28)).containsExactly(4, 3, 2, 1);
        assertThat(Arrays.copyOfRange(b, 28, 128)).containsOnly(0);
    }

    @Test
    void vtableSlotsAndGuidsAreNetlistmgrs() {
        assertThat(WindowsNetworkCost.CostManager.GET_COST).isEqualTo(3);
        assertThat(WindowsNetworkCost.CostManager.GET_DATA_PLAN_STATUS).isEqualTo(4);
        assertThat(WindowsNetworkCost.CLSID_NETWORK_LIST_MANAGER).isEqualTo("{DCB00C01-570F-4A9B-8D69-199FDBA5723B}");
        assertThat(WindowsNetworkCost.IID_NETWORK_COST_MANAGER).isEqualTo("{DCB00008-570F-4A9B-8D69-199FDBA5723B}");
        // GUID 16 + NLM_USAGE_DATA {DWORD, FILETIME} 12 + 3 DWORD + FILETIME + 2 DWORD
        assertThat(WindowsNetworkCost.DATAPLAN_STATUS_SIZE).isEqualTo(16 + 12 + 12 + 8 + 8);
        assertThat(WindowsNetworkCost.DATA_LIMIT_OFFSET).isEqualTo(16 + 12);
    }

    @Test
    void withoutComItAnswersUnknownSoDeclarationsDecide() throws Exception {
        Assumptions.assumeFalse(Platform.isWindows(), "on Windows the real Network List Manager answers");
        try (WindowsNetworkCost nlm = new WindowsNetworkCost()) {
            assertThat(nlm.cost("12", InetAddress.getByName("192.0.2.7"))).isNull();
            assertThat(nlm.cost("12", null)).isNull();
            assertThat(nlm.metered("12")).isNull();
        }
    }
}
