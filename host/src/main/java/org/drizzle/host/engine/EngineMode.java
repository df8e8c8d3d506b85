package org.drizzle.host.engine;

import java.util.Locale;

/** The host's {@code -Engine} choice: which engine a session talks to. */
public enum EngineMode {
    /** The machine service if it answers, else the user service, else an embedded engine. */
    AUTO,
    /** An engine inside this process on the user's own store. */
    EMBEDDED,
    /** The per-user service (started on demand by -Asynchronous in embedded mode). */
    USER,
    /** The machine service (root, shared by all users). */
    MACHINE;

    /** Parses {@code Embedded|User|Machine|Auto} in any case; names the bad value otherwise. */
    public static EngineMode parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-Engine '" + text + "' is not one of Embedded, User, Machine, Auto.");
        }
    }
}
