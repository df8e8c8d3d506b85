package org.drizzle.host.quick;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Who owns a TCP connection, as the kernel's socket table says ({@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}): the quick path's stand-in for SO_PEERCRED on loopback TCP. The
 * service looks up a client's socket by its exact address pair and takes the uid column.
 * (Each read of the table costs the kernel a walk of its whole connection hash, ~2 ms here,
 * which is why the client checks the service by a second token instead.)
 */
final class TcpConnectionOwner {
    static final Path TCP = Path.of("/proc/net/tcp");
    static final Path TCP6 = Path.of("/proc/net/tcp6");
    /** The state column's ESTABLISHED (include/net/tcp_states.h). */
    private static final int ESTABLISHED = 1;

    private TcpConnectionOwner() {
    }

    /**
     * The uid owning the established socket whose own address is {@code local} and whose peer is
     * {@code remote}, or -1 when the kernel lists no such socket.
     */
    static long ownerUid(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        long uid = find(TCP, local, remote);
        if (uid < 0 && Files.exists(TCP6)) {
            uid = find(TCP6, local, remote);
        }
        return uid;
    }

    /**
     * Reads a table only as far as the socket: each read() makes the kernel walk its whole
     * connection hash again (~2 ms here), and a recent connection is usually in the first.
     */
    private static long find(Path table, InetSocketAddress local, InetSocketAddress remote) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = lines.readLine()) != null) {
                long uid = uid(line, local, remote, ByteOrder.nativeOrder());
                if (uid >= 0) {
                    return uid;
                }
            }
        }
        return -1;
    }

    /**
     * Searches table lines ({@code sl local_address rem_address st ... uid ...}; the heading line
     * is skipped). The kernel prints each 32-bit word of an address in the machine's own byte
     * order, hence {@code order}; an IPv4-mapped IPv6 address matches its IPv4 form.
     */
    static long find(List<String> lines, InetSocketAddress local, InetSocketAddress remote, ByteOrder order) {
        for (String line : lines) {
            long uid = uid(line, local, remote, order);
            if (uid >= 0) {
                return uid;
            }
        }
        return -1;
    }

    /** The uid column of an established socket's line with exactly this address pair, else -1. */
    private static long uid(String line, InetSocketAddress local, InetSocketAddress remote, ByteOrder order) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 8 || !f[0].endsWith(":")) {
            return -1; // the heading, or not a socket line
        }
        try {
            if (Integer.parseInt(f[3], 16) == ESTABLISHED
                    && matches(f[1], local.getAddress().getAddress(), local.getPort(), order)
                    && matches(f[2], remote.getAddress().getAddress(), remote.getPort(), order)) {
                return Long.parseLong(f[7]);
            }
        } catch (NumberFormatException e) {
            // not a socket line after all
        }
        return -1;
    }

    /** {@code hex:PORT} against an address and port. */
    private static boolean matches(String field, byte[] ip, int port, ByteOrder order) {
        int colon = field.indexOf(':');
        if (colon < 0 || Integer.parseInt(field.substring(colon + 1), 16) != port) {
            return false;
        }
        byte[] listed = address(field.substring(0, colon), order);
        return listed != null && Arrays.equals(listed, ip);
    }

    /** The address bytes in network order (4 for IPv4 and IPv4-mapped IPv6), or null if malformed. */
    static byte[] address(String hex, ByteOrder order) {
        if (hex.length() != 8 && hex.length() != 32) {
            return null;
        }
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) {
            int word = (int) Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
            if (order == ByteOrder.LITTLE_ENDIAN) {
                word = Integer.reverseBytes(word);
            }
            b[w * 4] = (byte) (word >>> 24);
            b[w * 4 + 1] = (byte) (word >>> 16);
            b[w * 4 + 2] = (byte) (word >>> 8);
            b[w * 4 + 3] = (byte) word;
        }
        if (b.length == 16 && isV4Mapped(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return b;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }
}
