package org.drizzle.engine.wire;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections that miss their deadlines ({@link WireLimits}): one daemon thread for the
 * whole process, started by the first guarded connection, so a peer that sends a few bytes and
 * then nothing costs a thread only until its deadline.
 */
final class Watchdog implements Runnable {
    private static final long TICK_MILLIS = 100;
    private static final Set<FramedConnection> WATCHED = ConcurrentHashMap.newKeySet();
    private static Thread thread;

    private Watchdog() {
    }

    static synchronized void watch(FramedConnection c) {
        WATCHED.add(c);
        if (thread == null) {
            thread = new Thread(new Watchdog(), "drizzle-wire-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static void forget(FramedConnection c) {
        WATCHED.remove(c);
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (FramedConnection c : WATCHED) {
                if (c.overdue(now)) {
                    c.close();
                }
            }
        }
    }
}
