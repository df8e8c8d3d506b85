package org.drizzle.engine.idle;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * This process's TCP connections as the kernel sees them, through netlink sock_diag (the
 * interface {@code ss -ti} uses): for every established socket whose inode is one of our file
 * descriptors, the peer address and its struct tcp_info. Counting received bytes here is exact
 * and happens when the bytes arrive, unlike counting when a paced reader gets to them, and it
 * needs no cooperation from the HTTP stack. Linux only; elsewhere {@link #isAvailable} is false.
 */
public final class TcpSocketTable {

    /** One connection: inode (stable id), peer, and its TCP_INFO. */
    public record Connection(long inode, InetAddress peer, TcpInfo info) {
    }

    private static final int AF_NETLINK = 16;
    private static final int SOCK_DGRAM = 2;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final short SOCK_DIAG_BY_FAMILY = 20;
    private static final short NLM_F_REQUEST = 0x1;
    private static final short NLM_F_DUMP = 0x300;
    private static final int NLMSG_DONE = 3;
    private static final int NLMSG_ERROR = 2;
    private static final int INET_DIAG_INFO = 2;
    private static final int TCP_ESTABLISHED = 1;
    private static final int DIAG_MSG_SIZE = 72;

    /** The libc calls used here. */
    interface Libc extends Library {
        int socket(int domain, int type, int protocol);

        int send(int fd, Memory buf, long len, int flags);

        int recv(int fd, Memory buf, long len, int flags);

        int close(int fd);
    }

    private static final Libc LIBC = Platform.isLinux() ? Native.load("c", Libc.class) : null;

    /** Whether sock_diag can be used here (Linux, netlink allowed). */
    public static boolean isAvailable() {
        if (LIBC == null) {
            return false;
        }
        int fd = LIBC.socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG);
        if (fd < 0) {
            return false;
        }
        LIBC.close(fd);
        return true;
    }

    /** This process's established TCP connections (IPv4 and IPv6); empty when unavailable. */
    public List<Connection> connections() {
        List<Connection> out = new ArrayList<>();
        if (LIBC == null) {
            return out;
        }
        Set<Long> mine = ourSocketInodes();
        if (mine.isEmpty()) {
            return out;
        }
        int fd = LIBC.socket(AF_NETLINK, SOCK_DGRAM, NETLINK_SOCK_DIAG);
        if (fd < 0) {
            return out;
        }
        try {
            dump(fd, (byte) 2, mine, out);
            dump(fd, (byte) 10, mine, out);
        } finally {
            LIBC.close(fd);
        }
        return out;
    }

    /** Sends one SOCK_DIAG_BY_FAMILY dump request for {@code family} and parses the answers. */
    private static void dump(int fd, byte family, Set<Long> mine, List<Connection> out) {
        Memory req = new Memory(16 + 56);
        req.clear();
        req.setInt(0, 16 + 56);
        req.setShort(4, SOCK_DIAG_BY_FAMILY);
        req.setShort(6, (short) (NLM_F_REQUEST | NLM_F_DUMP));
        // struct inet_diag_req_v2: family, protocol, ext (ask for INET_DIAG_INFO), pad, states.
        req.setByte(16, family);
        req.setByte(17, (byte) 6);
        req.setByte(18, (byte) (1 << (INET_DIAG_INFO - 1)));
        req.setInt(20, 1 << TCP_ESTABLISHED);
        if (LIBC.send(fd, req, req.size(), 0) < 0) {
            return;
        }
        Memory buf = new Memory(64 * 1024);
        while (true) {
            int n = LIBC.recv(fd, buf, buf.size(), 0);
            if (n <= 0) {
                return;
            }
            ByteBuffer bb = buf.getByteBuffer(0, n).order(ByteOrder.nativeOrder());
            if (!parse(bb, mine, out)) {
                return;
            }
        }
    }

    /** Parses one datagram of netlink messages; false once the dump is done or failed. */
    static boolean parse(ByteBuffer bb, Set<Long> mine, List<Connection> out) {
        int pos = 0;
        while (pos + 16 <= bb.limit()) {
            int len = bb.getInt(pos);
            int type = bb.getShort(pos + 4);
            if (type == NLMSG_DONE || type == NLMSG_ERROR || len < 16) {
                return false;
            }
            int msg = pos + 16;
            if (len >= 16 + DIAG_MSG_SIZE) {
                long inode = Integer.toUnsignedLong(bb.getInt(msg + 68));
                if (mine.contains(inode)) {
                    TcpInfo info = info(bb, msg + DIAG_MSG_SIZE, pos + len);
                    InetAddress peer = peer(bb, msg);
                    if (info != null && peer != null) {
                        out.add(new Connection(inode, peer, info));
                    }
                }
            }
            pos += (len + 3) & ~3;
        }
        return true;
    }

    /** idiag_dst: 16 bytes at offset 4 + 2 + 2 + 16 of inet_diag_msg (IPv4 uses the first 4). */
    private static InetAddress peer(ByteBuffer bb, int msg) {
        byte family = bb.get(msg);
        byte[] addr = new byte[family == 2 ? 4 : 16];
        for (int i = 0; i < addr.length; i++) {
            addr[i] = bb.get(msg + 4 + 4 + 16 + i);
        }
        try {
            return InetAddress.getByAddress(addr);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Walks the rtattrs after the message for INET_DIAG_INFO (struct tcp_info). */
    private static TcpInfo info(ByteBuffer bb, int pos, int end) {
        while (pos + 4 <= end) {
            int len = bb.getShort(pos) & 0xffff;
            int type = bb.getShort(pos + 2) & 0xffff;
            if (len < 4) {
                return null;
            }
            if (type == INET_DIAG_INFO && len >= 4 + 136) {
                int t = pos + 4;
                return new TcpInfo(Integer.toUnsignedLong(bb.getInt(t + 68)), Integer.toUnsignedLong(bb.getInt(t + 92)),
                        bb.getLong(t + 128));
            }
            pos += (len + 3) & ~3;
        }
        return null;
    }

    /** Inodes of the sockets among this process's open file descriptors (/proc/self/fd links "socket:[n]"). */
    private static Set<Long> ourSocketInodes() {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | NumberFormatException e) {
                    // The descriptor closed while we looked.
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return inodes;
    }
}
