package org.drizzle.engine.identity.windows;

import java.util.Map;

/** Public access to the session list for other Windows backends (notify). */
public final class WtsSessionSourceAccess {
    private WtsSessionSourceAccess() {
    }

    /** session id → DOMAIN\\user of every logged-on session. */
    public static Map<Integer, String> loggedOn() {
        return WtsSessions.loggedOn();
    }
}
