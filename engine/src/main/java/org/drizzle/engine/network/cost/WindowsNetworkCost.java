package org.drizzle.engine.network.cost;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.COM.Unknown;
import com.sun.jna.platform.win32.Guid;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.WTypes;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.drizzle.engine.job.CostFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows' own network cost, read from the Network List Manager's INetworkCostManager (COM,
 * called through its vtable with jna-platform): GetCost for the job's server gives the cost of
 * the first hop of the route to it, which {@link NlmCostMapping} turns into a BITS cost state.
 * All COM work runs on one dedicated thread that joined the multithreaded apartment once. When
 * the Network List Manager cannot be created (no such service, not Windows), it logs once and
 * answers "unknown", so the admin override and policy declarations decide; it retries a minute
 * later in case the service was only starting.
 */
public final class WindowsNetworkCost implements MeteredDetector, AutoCloseable {
    /** NLM_SOCKADDR: a 128-byte buffer holding a SOCKADDR_IN or SOCKADDR_IN6. */
    static final int NLM_SOCKADDR_SIZE = 128;
    /** NLM_DATAPLAN_STATUS: GUID, {DWORD usage, FILETIME sync}, DWORD limit, 2 DWORD speeds, FILETIME, 2 DWORD. */
    static final int DATAPLAN_STATUS_SIZE = 56;
    static final int USAGE_OFFSET = 16;
    static final int LAST_SYNC_OFFSET = 20;
    static final int DATA_LIMIT_OFFSET = 28;
    static final String CLSID_NETWORK_LIST_MANAGER = "{DCB00C01-570F-4A9B-8D69-199FDBA5723B}";
    static final String IID_NETWORK_COST_MANAGER = "{DCB00008-570F-4A9B-8D69-199FDBA5723B}";

    private static final short AF_INET = 2;
    private static final short AF_INET6 = 23;
    private static final long CALL_TIMEOUT_MS = 2_000;
    private static final long RETRY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(WindowsNetworkCost.class);

    /** INetworkCostManager's methods after IUnknown's three (netlistmgr.h): GetCost, GetDataPlanStatus. */
    static final class CostManager extends Unknown {
        static final int GET_COST = 3;
        static final int GET_DATA_PLAN_STATUS = 4;

        CostManager(Pointer p) {
            super(p);
        }

        int getCost(IntByReference cost, Pointer destination) {
            return _invokeNativeInt(GET_COST, new Object[] {getPointer(), cost, destination});
        }

        int getDataPlanStatus(Pointer status, Pointer destination) {
            return _invokeNativeInt(GET_DATA_PLAN_STATUS, new Object[] {getPointer(), status, destination});
        }
    }

    private final ExecutorService comThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drizzle-nlm-cost");
        t.setDaemon(true);
        return t;
    });
    // Confined to comThread.
    private boolean comInitialized;
    private CostManager manager;
    private long lastAttempt;
    private boolean warned;

    /**
     * Whether the machine's preferred internet connection costs anything: without a destination
     * the Network List Manager answers for that connection, not for a named interface.
     */
    @Override
    public Boolean metered(String interfaceName) {
        NetworkCost cost = cost(interfaceName, null);
        return cost == null ? null : cost.costBit() != CostFlags.UNRESTRICTED;
    }

    /** GetCost for {@code destination} (machine-wide when null), on the COM thread, within two seconds. */
    @Override
    public NetworkCost cost(String interfaceName, InetAddress destination) {
        try {
            return comThread.submit(() -> query(interfaceName, destination)).get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.debug("Windows network cost for {} not read: {}", destination, e.toString());
            return null;
        }
    }

    private NetworkCost query(String interfaceName, InetAddress destination) {
        CostManager m = manager();
        if (m == null) {
            return null;
        }
        Memory dest = null;
        if (destination != null) {
            byte[] sockaddr = nlmSockaddr(destination);
            dest = new Memory(sockaddr.length);
            dest.write(0, sockaddr, 0, sockaddr.length);
        }
        IntByReference cost = new IntByReference();
        int hr = m.getCost(cost, dest);
        if (COMUtils.FAILED(hr)) {
            LOG.debug("INetworkCostManager::GetCost({}) failed: 0x{}", destination, Integer.toHexString(hr));
            return null;
        }
        int nlm = cost.getValue();
        boolean usageKnown = NlmCostMapping.needsDataPlan(nlm) && dataPlanUsageKnown(m, dest);
        Integer state = NlmCostMapping.costState(nlm, usageKnown);
        return state == null ? null
                : new NetworkCost(state, interfaceName, "Windows network cost " + NlmCostMapping.describe(nlm));
    }

    private static boolean dataPlanUsageKnown(CostManager m, Memory dest) {
        Memory status = new Memory(DATAPLAN_STATUS_SIZE);
        status.clear();
        if (COMUtils.FAILED(m.getDataPlanStatus(status, dest))) {
            return false;
        }
        long lastSync = (status.getInt(LAST_SYNC_OFFSET) & 0xFFFFFFFFL) | ((long) status.getInt(LAST_SYNC_OFFSET + 4) << 32);
        return NlmCostMapping.usageKnown(status.getInt(USAGE_OFFSET), lastSync, status.getInt(DATA_LIMIT_OFFSET));
    }

    /** The cost manager, creating it (and joining the MTA) on first use or after a failed try a minute ago. */
    private CostManager manager() {
        long now = System.nanoTime();
        if (manager != null || (lastAttempt != 0 && now - lastAttempt < RETRY_NANOS)) {
            return manager;
        }
        lastAttempt = now == 0 ? 1 : now;
        try {
            if (!comInitialized) {
                WinNT.HRESULT hr = Ole32.INSTANCE.CoInitializeEx(Pointer.NULL, Ole32.COINIT_MULTITHREADED);
                if (COMUtils.FAILED(hr)) {
                    failSoft("CoInitializeEx(COINIT_MULTITHREADED) failed: 0x" + Integer.toHexString(hr.intValue()));
                    return null;
                }
                comInitialized = true;
            }
            PointerByReference p = new PointerByReference();
            WinNT.HRESULT hr = Ole32.INSTANCE.CoCreateInstance(new Guid.CLSID(CLSID_NETWORK_LIST_MANAGER), null,
                    WTypes.CLSCTX_ALL, new Guid.IID(IID_NETWORK_COST_MANAGER), p);
            if (COMUtils.FAILED(hr)) {
                failSoft("CoCreateInstance(NetworkListManager, INetworkCostManager) failed: 0x" + Integer.toHexString(hr.intValue()));
                return null;
            }
            manager = new CostManager(p.getValue());
            return manager;
        } catch (LinkageError e) {
            failSoft("COM is not available here: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private void failSoft(String why) {
        String msg = "Windows network cost unavailable (" + why + "); the admin override file and policy declarations decide";
        if (warned) {
            LOG.debug(msg);
        } else {
            LOG.warn(msg);
            warned = true;
        }
    }

    /**
     * An NLM_SOCKADDR for {@code address}: 128 bytes, starting with a SOCKADDR_IN (family 2 as a
     * little-endian USHORT, port 0, the 4 address bytes at offset 4) or a SOCKADDR_IN6 (family 23,
     * port 0, flow info 0, the 16 address bytes at offset 8, the scope id little-endian at 24),
     * the rest zero.
     */
    static byte[] nlmSockaddr(InetAddress address) {
        byte[] out = new byte[NLM_SOCKADDR_SIZE];
        byte[] raw = address.getAddress();
        boolean v6 = address instanceof Inet6Address;
        short family = v6 ? AF_INET6 : AF_INET;
        out[0] = (byte) family;
        out[1] = (byte) (family >> 8);
        System.arraycopy(raw, 0, out, v6 ? 8 : 4, raw.length);
        if (v6) {
            int scope = ((Inet6Address) address).getScopeId();
            for (int i = 0; i < 4; i++) {
                out[24 + i] = (byte) (scope >> (8 * i));
            }
        }
        return out;
    }

    /** Releases the cost manager and leaves the apartment on the COM thread, then stops it. */
    @Override
    public void close() {
        try {
            comThread.submit(() -> {
                if (manager != null) {
                    manager.Release();
                    manager = null;
                }
                if (comInitialized) {
                    Ole32.INSTANCE.CoUninitialize();
                    comInitialized = false;
                }
            }).get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.debug("Windows network cost shutdown: {}", e.toString());
        } finally {
            comThread.shutdownNow();
        }
    }
}
