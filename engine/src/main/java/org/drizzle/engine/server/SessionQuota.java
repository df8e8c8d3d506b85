package org.drizzle.engine.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drizzle.engine.job.ErrorCodes;

/**
 * The server-wide caps on upload sessions (IIS: BITSNumberOfSessionsLimit): at most
 * {@code perClient} sessions per client address and {@code total} in all. An IPv6 client counts
 * by its /64, the block one host usually holds, so it cannot dodge the cap by changing address.
 *
 * <p>The table mirrors the session records on disk: seeded at start, kept current by every save
 * and delete of {@link SessionStore}, so a Create-Session is decided without reading the disk.
 * A closed session (the tombstone that answers a repeated Close) and an expired one keep their
 * slot until it is needed: when a cap is reached those are removed first, outside this lock
 * (decide under the lock, act outside it), and only if none was left is the Create-Session
 * refused with 429 before anything is created.
 */
final class SessionQuota {
    /** Sessions reclaimed at most per refused attempt, so one Create-Session does bounded work. */
    private static final int RECLAIM_BATCH = 16;

    private final int perClient;
    private final int total;
    /** Session id → slot, in creation order (oldest first). */
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, Integer> perClientCount = new HashMap<>();

    private record Slot(String client, SessionStore store, boolean closed, long lastActivity) {
        boolean reclaimable() {
            return closed || store.expired(lastActivity);
        }
    }

    SessionQuota(int perClient, int total) {
        this.perClient = perClient;
        this.total = total;
    }

    /**
     * Takes a slot for a new session {@code id} of {@code client}, reclaiming closed and expired
     * sessions when a cap is reached; 429 (BG_E_HTTP_ERROR_429) when none is left.
     */
    void reserve(String id, String client, SessionStore store) throws AckException {
        for (int attempt = 0; ; attempt++) {
            List<Map.Entry<String, Slot>> reclaim;
            synchronized (this) {
                boolean clientFull = perClientCount.getOrDefault(client, 0) >= perClient;
                if (!clientFull && slots.size() < total) {
                    put(id, new Slot(client, store, false, store.now()));
                    return;
                }
                reclaim = reclaimable(clientFull ? client : null);
                if (reclaim.isEmpty() || attempt > 0) {
                    throw new AckException(429, ErrorCodes.fromHttpStatus(429), clientFull
                            ? "The client " + client + " already holds " + perClient + " upload sessions, the most allowed per client."
                            : "The server already holds " + total + " upload sessions, the most allowed.");
                }
            }
            for (Map.Entry<String, Slot> e : reclaim) {
                e.getValue().store.reclaim(e.getKey());
            }
        }
    }

    /** Records a session found on disk at start (counted even beyond the caps: it exists). */
    synchronized void adopt(UploadSession s, SessionStore store) {
        put(s.id(), new Slot(s.client(), store, s.phase() == UploadSession.Phase.CLOSED, s.lastActivity()));
    }

    /** A session's record was saved: follow its phase and activity. */
    synchronized void saved(UploadSession s) {
        Slot slot = slots.get(s.id());
        if (slot != null) {
            slots.put(s.id(), new Slot(slot.client, slot.store, s.phase() == UploadSession.Phase.CLOSED, s.lastActivity()));
        }
    }

    /** A session was deleted: its slot is free. */
    synchronized void release(String id) {
        Slot slot = slots.remove(id);
        if (slot != null) {
            perClientCount.computeIfPresent(slot.client, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    synchronized int size() {
        return slots.size();
    }

    private void put(String id, Slot slot) {
        if (slots.put(id, slot) == null) {
            perClientCount.merge(slot.client, 1, Integer::sum);
        }
    }

    private List<Map.Entry<String, Slot>> reclaimable(String client) {
        List<Map.Entry<String, Slot>> out = new ArrayList<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            if ((client == null || client.equals(e.getValue().client)) && e.getValue().reclaimable()) {
                out.add(Map.entry(e.getKey(), e.getValue()));
                if (out.size() == RECLAIM_BATCH) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The key a client is counted under: its IPv4 address, or the /64 of its IPv6 address (Java
     * already reports an IPv4-mapped peer as IPv4).
     */
    static String clientKey(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress isa) || isa.getAddress() == null) {
            return "unknown";
        }
        InetAddress a = isa.getAddress();
        if (a instanceof Inet6Address) {
            ByteBuffer b = ByteBuffer.wrap(a.getAddress());
            return String.format(Locale.ROOT, "%x:%x:%x:%x::/64",
                    b.getShort() & 0xffff, b.getShort() & 0xffff, b.getShort() & 0xffff, b.getShort() & 0xffff);
        }
        return a.getHostAddress();
    }
}
