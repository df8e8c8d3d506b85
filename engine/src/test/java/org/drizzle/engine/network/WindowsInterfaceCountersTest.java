package org.drizzle.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The pure parts of the Windows backend: SOCKADDR layout and MIB_IF_ROW2 interpretation. */
class WindowsInterfaceCountersTest {

    @Test
    void ipv4SockaddrHasFamilyTwoAndTheAddressAtOffsetFour() throws Exception {
        Memory m = WindowsInterfaceCounters.sockaddr(InetAddress.getByName("10.123.0.1"));
        assertThat(m.size()).isEqualTo(16);
        assertThat(m.getShort(0)).isEqualTo((short) 2);
        assertThat(m.getByteArray(4, 4)).containsExactly(10, 123, 0, 1);
    }

    @Test
    void ipv6SockaddrHasFamilyTwentyThreeAndTheAddressAtOffsetEight() throws Exception {
        Memory m = WindowsInterfaceCounters.sockaddr(InetAddress.getByName("2001:db8::1"));
        assertThat(m.size()).isEqualTo(28);
        assertThat(m.getShort(0)).isEqualTo((short) 23);
        assertThat(m.getByte(8)).isEqualTo((byte) 0x20);
        assertThat(m.getByte(23)).isEqualTo((byte) 1);
    }

    @Test
    void rowBecomesASampleWithSpeedInBytesAndConnectedState() {
        InterfaceSample up = WindowsInterfaceCounters.sample("12", 100, 200, 1_000_000_000L, 6, 1, 1);
        assertThat(up).isEqualTo(new InterfaceSample("12", 100, 200, 125_000_000L, true));
        assertThat(WindowsInterfaceCounters.sample("12", 0, 0, 1_000_000_000L, 6, 2, 1).up()).isFalse();
        assertThat(WindowsInterfaceCounters.sample("12", 0, 0, 1_000_000_000L, 6, 1, 2).up()).isFalse();
        assertThat(WindowsInterfaceCounters.sample("1", 0, 0, 1_073_741_824L, 24, 1, 1).linkSpeed()).isZero();
    }
}
