package org.drizzle.engine.network;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.IPHlpAPI;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Windows interface counters through IP Helper: GetBestInterfaceEx names the interface (by
 * index) that routes to a server, GetIfEntry2 gives its octet counters, link speed and
 * connection state. The interface "name" used by the rest of the estimator is the index as
 * text, which stays stable while the adapter exists.
 */
public final class WindowsInterfaceCounters implements InterfaceCounters {

    private static final short AF_INET = 2;
    private static final short AF_INET6 = 23;
    /** IF_OPER_STATUS IfOperStatusUp. */
    private static final int OPER_STATUS_UP = 1;
    /** NET_IF_MEDIA_CONNECT_STATE MediaConnectStateConnected. */
    private static final int MEDIA_CONNECTED = 1;
    /** IF_TYPE_SOFTWARE_LOOPBACK: its "speed" says nothing about any path. */
    private static final int IF_TYPE_LOOPBACK = 24;

    /** The IP Helper call jna-platform leaves out. */
    interface BestInterface extends StdCallLibrary {
        BestInterface INSTANCE = Native.load("iphlpapi", BestInterface.class, W32APIOptions.DEFAULT_OPTIONS);

        int GetBestInterfaceEx(Pointer destAddr, IntByReference bestIfIndex);
    }

    @Override
    public String interfaceFor(InetAddress address) {
        Memory sockaddr = sockaddr(address);
        IntByReference index = new IntByReference();
        int rc = BestInterface.INSTANCE.GetBestInterfaceEx(sockaddr, index);
        return rc == WinError.NO_ERROR ? Integer.toString(index.getValue()) : null;
    }

    /** A SOCKADDR_IN (16 bytes) or SOCKADDR_IN6 (28 bytes) holding {@code address}, port 0. */
    static Memory sockaddr(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean v6 = address instanceof Inet6Address;
        Memory m = new Memory(v6 ? 28 : 16);
        m.clear();
        m.setShort(0, v6 ? AF_INET6 : AF_INET);
        // sin_addr sits after family and port; sin6_addr also after the 4-byte flow info.
        m.write(v6 ? 8 : 4, raw, 0, raw.length);
        if (v6) {
            m.setInt(24, ((Inet6Address) address).getScopeId());
        }
        return m;
    }

    @Override
    public InterfaceSample read(String name) {
        int index;
        try {
            index = Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return null;
        }
        IPHlpAPI.MIB_IF_ROW2 row = new IPHlpAPI.MIB_IF_ROW2();
        row.InterfaceIndex = index;
        if (IPHlpAPI.INSTANCE.GetIfEntry2(row) != WinError.NO_ERROR) {
            return null;
        }
        return sample(name, row.InOctets, row.OutOctets, row.ReceiveLinkSpeed, row.Type,
                row.OperStatus, row.MediaConnectState);
    }

    /** Turns GetIfEntry2's fields (speeds in bits/s) into a sample; pure, so it is tested anywhere. */
    static InterfaceSample sample(String name, long inOctets, long outOctets, long receiveBitsPerSecond,
                                  int type, int operStatus, int mediaState) {
        boolean meaningfulSpeed = type != IF_TYPE_LOOPBACK && receiveBitsPerSecond > 0 && receiveBitsPerSecond != -1L;
        boolean up = operStatus == OPER_STATUS_UP && mediaState == MEDIA_CONNECTED;
        return new InterfaceSample(name, inOctets, outOctets, meaningfulSpeed ? receiveBitsPerSecond / 8 : 0, up);
    }
}
