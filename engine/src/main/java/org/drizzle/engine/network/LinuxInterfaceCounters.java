package org.drizzle.engine.network;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Linux interface counters: the route comes from the kernel's main routing table as
 * {@code /proc/net/route} and {@code /proc/net/ipv6_route} show it (longest prefix, then lowest
 * metric), the counters from {@code /sys/class/net/<if>/statistics/{rx,tx}_bytes}, the state
 * from {@code operstate} plus the IFF_UP flag, and the speed from {@code speed} when the
 * interface is a physical device. Both trees are read relative to configurable roots so the
 * parsing can be tested on fixture files. Everything is read from the caller's network
 * namespace, which is what a process inside {@code ip netns exec} sees.
 */
public final class LinuxInterfaceCounters implements InterfaceCounters {

    private static final int RTF_UP = 0x1;
    private static final int RTF_REJECT = 0x200;
    private static final int IFF_UP = 0x1;

    private final Path procNet;
    private final Path sysClassNet;

    /** Reads the live /proc/net and /sys/class/net. */
    public LinuxInterfaceCounters() {
        this(Path.of("/proc/net"), Path.of("/sys/class/net"));
    }

    /** Reads the given copies of /proc/net and /sys/class/net (tests). */
    public LinuxInterfaceCounters(Path procNet, Path sysClassNet) {
        this.procNet = procNet;
        this.sysClassNet = sysClassNet;
    }

    @Override
    public String interfaceFor(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "lo";
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(procNet.resolve(address instanceof Inet6Address ? "ipv6_route" : "route"));
        } catch (IOException e) {
            return null;
        }
        return address instanceof Inet4Address ? bestIpv4(lines, address.getAddress()) : bestIpv6(lines, address.getAddress());
    }

    /** /proc/net/route: "Iface Destination Gateway Flags RefCnt Use Metric Mask ..." with little-endian hex addresses. */
    static String bestIpv4(List<String> lines, byte[] address) {
        int target = ((address[0] & 0xff) << 24) | ((address[1] & 0xff) << 16) | ((address[2] & 0xff) << 8) | (address[3] & 0xff);
        String best = null;
        int bestPrefix = -1;
        long bestMetric = Long.MAX_VALUE;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            int flags = Integer.parseInt(f[3], 16);
            if ((flags & RTF_UP) == 0 || (flags & RTF_REJECT) != 0) {
                continue;
            }
            int dest = Integer.reverseBytes((int) Long.parseLong(f[1], 16));
            int mask = Integer.reverseBytes((int) Long.parseLong(f[7], 16));
            int prefix = Integer.bitCount(mask);
            long metric = Long.parseLong(f[6]);
            if ((target & mask) == (dest & mask) && (prefix > bestPrefix || prefix == bestPrefix && metric < bestMetric)) {
                best = f[0];
                bestPrefix = prefix;
                bestMetric = metric;
            }
        }
        return best;
    }

    /** /proc/net/ipv6_route: "dest destlen src srclen nexthop metric refcnt use flags iface", all hex. */
    static String bestIpv6(List<String> lines, byte[] address) {
        String best = null;
        int bestPrefix = -1;
        long bestMetric = Long.MAX_VALUE;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            int flags = (int) Long.parseLong(f[8], 16);
            if ((flags & RTF_UP) == 0 || (flags & RTF_REJECT) != 0) {
                continue;
            }
            int prefix = Integer.parseInt(f[1], 16);
            long metric = Long.parseLong(f[5], 16);
            if (matches(f[0], prefix, address) && (prefix > bestPrefix || prefix == bestPrefix && metric < bestMetric)) {
                best = f[9];
                bestPrefix = prefix;
                bestMetric = metric;
            }
        }
        return best;
    }

    private static boolean matches(String destHex, int prefix, byte[] address) {
        for (int bit = 0; bit < prefix; bit++) {
            int i = bit / 8;
            int dest = Integer.parseInt(destHex.substring(i * 2, i * 2 + 2), 16);
            int mask = 0x80 >>> (bit % 8);
            if ((dest & mask) != (address[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public InterfaceSample read(String name) {
        Path dir = sysClassNet.resolve(name);
        if (name.contains("/") || !Files.isDirectory(dir)) {
            return null;
        }
        try {
            long rx = Long.parseLong(text(dir.resolve("statistics/rx_bytes")));
            long tx = Long.parseLong(text(dir.resolve("statistics/tx_bytes")));
            String operstate = text(dir.resolve("operstate"));
            int flags = Integer.decode(text(dir.resolve("flags")));
            // "unknown" is what loopback and some drivers report while passing traffic.
            boolean up = (flags & IFF_UP) != 0 && (operstate.equals("up") || operstate.equals("unknown"));
            return new InterfaceSample(name, rx, tx, speed(dir), up);
        } catch (IOException | NumberFormatException e) {
            // The interface vanished between the checks (veth deleted, USB NIC unplugged).
            return null;
        }
    }

    /** Link speed in bytes/s for physical NICs; veth, bridges and tunnels report numbers that mean nothing. */
    private static long speed(Path dir) {
        if (!Files.exists(dir.resolve("device"))) {
            return 0;
        }
        try {
            long mbit = Long.parseLong(text(dir.resolve("speed")));
            return mbit > 0 ? mbit * 1_000_000L / 8 : 0;
        } catch (IOException | NumberFormatException e) {
            // The kernel answers EINVAL for speed while the link is down.
            return 0;
        }
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file).trim();
    }
}
