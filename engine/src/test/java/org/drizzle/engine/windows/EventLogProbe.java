package org.drizzle.engine.windows;

import org.drizzle.engine.notify.SystemEvent;
import org.drizzle.engine.notify.windows.WindowsEventLog;

/** Writes one event per argument through WindowsEventLog (severity name, message). */
public final class EventLogProbe {
    private EventLogProbe() {
    }

    public static void main(String[] args) {
        try (WindowsEventLog log = new WindowsEventLog("Drizzle")) {
            for (int i = 0; i + 1 < args.length; i += 2) {
                log.record(SystemEvent.valueOf(args[i]), null, args[i + 1]);
            }
        }
    }
}
