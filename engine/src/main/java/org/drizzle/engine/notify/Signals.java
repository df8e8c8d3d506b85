package org.drizzle.engine.notify;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** kill(2) for a whole process group, which the JDK's Process API cannot address. */
final class Signals {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;

    private interface Libc extends Library {
        Libc INSTANCE = Native.load("c", Libc.class);

        int kill(int pid, int sig);
    }

    private Signals() {
    }

    /** Sends {@code signal} to every process in group {@code pgid}; a group already gone is fine. */
    static void killGroup(int pgid, int signal) {
        if (pgid > 1) {
            Libc.INSTANCE.kill(-pgid, signal);
        }
    }
}
