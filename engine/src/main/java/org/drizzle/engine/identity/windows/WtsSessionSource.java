package org.drizzle.engine.identity.windows;

import java.util.Set;
import org.drizzle.engine.identity.SessionSource;
import org.drizzle.engine.identity.Sessions;

/** Logged-on users on Windows, from WTSEnumerateSessions (console, RDP, fast user switching). */
public final class WtsSessionSource implements SessionSource {
    @Override
    public Sessions read() {
        return new Sessions(Set.of(), Set.copyOf(WtsSessions.loggedOn().values()));
    }

    @Override
    public String describe() {
        return "WTSEnumerateSessions";
    }
}
