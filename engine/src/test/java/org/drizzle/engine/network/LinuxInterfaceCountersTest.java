package org.drizzle.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Route lookup and counter parsing on copies of /proc/net and /sys/class/net, then the live files. */
class LinuxInterfaceCountersTest {

    private static final List<String> ROUTE = List.of(
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0",
            "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0",
            "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            "veth1\t00007B0A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0",
            "blk0\t01007B0A\t00000000\t0201\t0\t0\t0\tFFFFFFFF\t0\t0\t0");

    private static final List<String> IPV6_ROUTE = List.of(
            "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0",
            "00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0",
            "00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo",
            "20010db8000000000000000000000000 20 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001    tun0");

    @Test
    void ipv4TakesTheLongestPrefixThenTheLowestMetric() throws Exception {
        assertThat(LinuxInterfaceCounters.bestIpv4(ROUTE, InetAddress.getByName("10.123.0.2").getAddress())).isEqualTo("veth1");
        assertThat(LinuxInterfaceCounters.bestIpv4(ROUTE, InetAddress.getByName("192.0.2.77").getAddress())).isEqualTo("eth0");
        // Two default routes: the lower metric (eth0, 100) wins over wlan0 (600).
        assertThat(LinuxInterfaceCounters.bestIpv4(ROUTE, InetAddress.getByName("198.51.100.1").getAddress())).isEqualTo("eth0");
        // The reject route for 10.123.0.1/32 is skipped; the /16 still carries it.
        assertThat(LinuxInterfaceCounters.bestIpv4(ROUTE, InetAddress.getByName("10.123.0.1").getAddress())).isEqualTo("veth1");
        assertThat(LinuxInterfaceCounters.bestIpv4(ROUTE.subList(0, 1), InetAddress.getByName("10.0.0.1").getAddress())).isNull();
    }

    @Test
    void ipv6MatchesPrefixesBitByBitAndSkipsRejectRoutes() throws Exception {
        assertThat(LinuxInterfaceCounters.bestIpv6(IPV6_ROUTE, InetAddress.getByName("2001:db8::5").getAddress())).isEqualTo("tun0");
        assertThat(LinuxInterfaceCounters.bestIpv6(IPV6_ROUTE, InetAddress.getByName("fd00::9").getAddress())).isEqualTo("eth0");
        assertThat(LinuxInterfaceCounters.bestIpv6(IPV6_ROUTE, InetAddress.getByName("2600::1").getAddress())).isEqualTo("eth0");
        assertThat(LinuxInterfaceCounters.bestIpv6(IPV6_ROUTE.subList(2, 3), InetAddress.getByName("2600::1").getAddress())).isNull();
    }

    @Test
    void readsCountersStateAndOnlyPhysicalSpeeds(@TempDir Path dir) throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Path sys = dir.resolve("sys");
        nic(sys, "eth0", "1234", "5678", "up", "0x1003", "1000", true);
        nic(sys, "veth1", "10", "20", "up", "0x1003", "10000", false);
        nic(sys, "eth1", "1", "2", "down", "0x1002", "100", true);
        Files.write(proc.resolve("route"), ROUTE);
        LinuxInterfaceCounters counters = new LinuxInterfaceCounters(proc, sys);

        assertThat(counters.read("eth0")).isEqualTo(new InterfaceSample("eth0", 1234, 5678, 125_000_000, true));
        assertThat(counters.read("veth1")).as("a veth's 10 Gbit/s says nothing").isEqualTo(new InterfaceSample("veth1", 10, 20, 0, true));
        assertThat(counters.read("eth1").up()).isFalse();
        assertThat(counters.read("nope")).isNull();
        assertThat(counters.read("../proc")).isNull();
        assertThat(counters.interfaceFor(InetAddress.getByName("10.123.9.9"))).isEqualTo("veth1");
        assertThat(counters.interfaceFor(InetAddress.getLoopbackAddress())).isEqualTo("lo");
    }

    private static void nic(Path sys, String name, String rx, String tx, String oper, String flags, String speed,
                            boolean physical) throws Exception {
        Path d = Files.createDirectories(sys.resolve(name).resolve("statistics"));
        Files.writeString(d.resolve("rx_bytes"), rx + "\n");
        Files.writeString(d.resolve("tx_bytes"), tx + "\n");
        Path n = sys.resolve(name);
        Files.writeString(n.resolve("operstate"), oper + "\n");
        Files.writeString(n.resolve("flags"), flags + "\n");
        Files.writeString(n.resolve("speed"), speed + "\n");
        if (physical) {
            Files.createDirectories(n.resolve("device"));
        }
    }

    @Test
    void liveLoopbackCountsBytesWeSend() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/sys/class/net/lo")), "needs Linux /sys/class/net");
        LinuxInterfaceCounters counters = new LinuxInterfaceCounters();
        InterfaceSample before = counters.read("lo");
        try (var server = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var client = new java.net.Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             var accepted = server.accept()) {
            client.getOutputStream().write(new byte[200_000]);
            accepted.getInputStream().readNBytes(200_000);
        }
        InterfaceSample after = counters.read("lo");
        assertThat(after.up()).isTrue();
        assertThat(after.rxBytes() - before.rxBytes()).isGreaterThanOrEqualTo(200_000);
        assertThat(after.linkSpeed()).isZero();
    }
}
