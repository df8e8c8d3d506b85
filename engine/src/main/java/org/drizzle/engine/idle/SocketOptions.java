package org.drizzle.engine.idle;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import java.io.FileDescriptor;
import java.lang.reflect.Field;
import java.net.Socket;
import java.net.SocketImpl;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Linux socket options the JDK does not expose: TCP_INFO (to read the round-trip time the
 * kernel measures on a transfer connection), TCP_CONGESTION (to ask for TCP-LP on upload
 * sockets) and TCP_WINDOW_CLAMP (to bound the window a background download advertises). The descriptor is found by reflection, which needs the JVM flags
 * {@code --add-opens java.base/java.net=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED
 * --add-opens java.base/sun.nio.ch=ALL-UNNAMED}; without them (or off Linux) every call here
 * reports "not available" instead of failing, because the delay signal is an optimisation.
 */
public final class SocketOptions {

    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    private static final int TCP_CONGESTION = 13;
    private static final int TCP_WINDOW_CLAMP = 10;
    private static final int TCP_MAXSEG = 2;
    /** struct tcp_info offsets (linux/tcp.h; stable ABI, fields only ever appended). */
    private static final int OFF_RTT = 68;
    private static final int OFF_RCV_RTT = 92;
    private static final int OFF_BYTES_RECEIVED = 128;
    private static final int TCP_INFO_SIZE = 136;

    /** The two libc calls used here. */
    interface Libc extends Library {
        int getsockopt(int fd, int level, int option, Memory value, IntByReference length);

        int setsockopt(int fd, int level, int option, Memory value, int length);
    }

    private static final Libc LIBC = Platform.isLinux() ? Native.load("c", Libc.class) : null;

    private SocketOptions() {
    }

    /**
     * The kernel's TCP_INFO for a connected socket, or null when it cannot be read (not Linux,
     * flags missing, socket closed).
     */
    public static TcpInfo tcpInfo(Socket socket) {
        int fd = descriptor(socket);
        if (fd < 0 || LIBC == null) {
            return null;
        }
        Memory buf = new Memory(TCP_INFO_SIZE);
        buf.clear();
        IntByReference len = new IntByReference(TCP_INFO_SIZE);
        if (LIBC.getsockopt(fd, IPPROTO_TCP, TCP_INFO, buf, len) != 0 || len.getValue() < OFF_BYTES_RECEIVED + 8) {
            return null;
        }
        return new TcpInfo(Integer.toUnsignedLong(buf.getInt(OFF_RTT)), Integer.toUnsignedLong(buf.getInt(OFF_RCV_RTT)),
                buf.getLong(OFF_BYTES_RECEIVED));
    }

    /**
     * Asks for congestion control {@code name} (e.g. "lp") on the socket; false when the kernel
     * does not offer it (ENOENT), the caller may not use it (EPERM), or the descriptor is unknown.
     */
    public static boolean setCongestionControl(Socket socket, String name) {
        int fd = descriptor(socket);
        if (fd < 0 || LIBC == null) {
            return false;
        }
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        Memory value = new Memory(bytes.length + 1);
        value.clear();
        value.write(0, bytes, 0, bytes.length);
        return LIBC.setsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, value, bytes.length) == 0;
    }

    /**
     * Bounds the receive window the socket advertises to {@code bytes} (the kernel raises
     * anything under about 1 KiB); it applies from the next window update, as data already
     * allowed is never taken back. False when the descriptor is unknown or the call fails.
     */
    public static boolean setWindowClamp(Socket socket, int bytes) {
        int fd = descriptor(socket);
        if (fd < 0 || LIBC == null || bytes <= 0) {
            return false;
        }
        Memory value = new Memory(4);
        value.setInt(0, bytes);
        return LIBC.setsockopt(fd, IPPROTO_TCP, TCP_WINDOW_CLAMP, value, 4) == 0;
    }

    /** The connection's maximum segment size (TCP_MAXSEG), bytes, or -1 when it cannot be read. */
    public static int maxSegment(Socket socket) {
        return intOption(socket, TCP_MAXSEG);
    }

    /** The socket's TCP_WINDOW_CLAMP now, bytes, or -1 when it cannot be read. */
    public static int windowClamp(Socket socket) {
        return intOption(socket, TCP_WINDOW_CLAMP);
    }

    private static int intOption(Socket socket, int option) {
        int fd = descriptor(socket);
        if (fd < 0 || LIBC == null) {
            return -1;
        }
        Memory value = new Memory(4);
        value.clear();
        IntByReference len = new IntByReference(4);
        return LIBC.getsockopt(fd, IPPROTO_TCP, option, value, len) != 0 ? -1 : value.getInt(0);
    }

    /** The congestion control the socket uses now ("cubic", "bbr", ...), or null when unknown. */
    public static String congestionControl(Socket socket) {
        int fd = descriptor(socket);
        if (fd < 0 || LIBC == null) {
            return null;
        }
        Memory value = new Memory(16);
        value.clear();
        IntByReference len = new IntByReference(16);
        if (LIBC.getsockopt(fd, IPPROTO_TCP, TCP_CONGESTION, value, len) != 0) {
            return null;
        }
        return value.getString(0, StandardCharsets.US_ASCII.name());
    }

    /**
     * The OS descriptor behind a socket, or -1. A plain JDK 17 socket keeps it in
     * Socket.impl -> (DelegatingSocketImpl.delegate) -> SocketImpl.fd -> FileDescriptor.fd;
     * a channel-backed socket in SocketChannelImpl.fdVal.
     */
    static int descriptor(Socket socket) {
        try {
            SocketChannel channel = socket.getChannel();
            if (channel != null) {
                return field(channel.getClass(), "fdVal").getInt(channel);
            }
            Object impl = field(Socket.class, "impl").get(socket);
            Field delegate = findField(impl.getClass(), "delegate");
            if (delegate != null) {
                impl = delegate.get(impl);
            }
            FileDescriptor fd = (FileDescriptor) field(SocketImpl.class, "fd").get(impl);
            return fd == null ? -1 : field(FileDescriptor.class, "fd").getInt(fd);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // InaccessibleObjectException without --add-opens, or a JDK with another layout.
            return -1;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = findField(type, name);
        if (f == null) {
            throw new NoSuchFieldException(type.getName() + "." + name);
        }
        return f;
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // keep walking up the hierarchy
            }
        }
        return null;
    }
}
