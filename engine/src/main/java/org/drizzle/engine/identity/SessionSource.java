package org.drizzle.engine.identity;

import java.io.IOException;

/** Reads the current login sessions from one place (logind, utmp, WTS). */
public interface SessionSource {
    Sessions read() throws IOException;

    /** A short name for logs and messages ("systemd-logind", "utmp /run/utmp"). */
    String describe();
}
