package org.drizzle.host;

import org.drizzle.host.runtime.ScriptRunner;
import sun.misc.Signal;

/**
 * Ctrl+C: the first press asks the running command to stop (a synchronous transfer cancels,
 * finally blocks run); a second press within the same command ends the process (exit 130).
 */
final class CtrlC {
    private CtrlC() {
    }

    static void install(ScriptRunner rt) {
        try {
            Signal.handle(new Signal("INT"), s -> {
                if (rt.isStopping()) {
                    Runtime.getRuntime().halt(130);
                }
                rt.stop();
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform: Ctrl+C keeps its default effect
        }
    }
}
