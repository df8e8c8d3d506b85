package org.drizzle.host.bitsadmin;

import java.util.List;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.host.EngineProvider;
import org.drizzle.host.engine.EngineMode;

/**
 * The process side of {@code drizzle bitsadmin}: the engine is chosen exactly as for the cmdlets
 * ({@link EngineProvider} with {@code -Engine Auto}: the machine service, else this user's
 * service, else an embedded engine that hands moving jobs to a detached user service when the
 * process ends), opened only when a switch needs it, and closed at the end.
 */
public final class BitsAdminProcess {
    private EngineClient engine;

    private BitsAdminProcess() {
    }

    public static int run(List<String> args) {
        BitsAdminProcess p = new BitsAdminProcess();
        try {
            return new BitsAdmin(System.out, p::engine).run(args);
        } finally {
            if (p.engine != null) {
                p.engine.close();
            }
        }
    }

    private EngineClient engine() {
        if (engine == null) {
            engine = EngineProvider.open(EngineMode.AUTO);
        }
        return engine;
    }
}
