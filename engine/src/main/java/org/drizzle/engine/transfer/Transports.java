package org.drizzle.engine.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.idle.BackgroundSocketTuner;

/**
 * The registry of built-in transports: the list an engine uses when its configuration names
 * none. Built-ins are listed in {@link #defaults} in the order they are tried (the scheduler
 * takes the first whose {@code handles} says yes); further transports can be added without
 * touching this class through {@link ServiceLoader} ({@code META-INF/services/} entries for
 * {@link Transport} with a public no-argument constructor).
 */
public final class Transports {
    private Transports() {
    }

    /**
     * The built-in transports for an engine that already runs as the job owner (embedded):
     * file paths are read with the engine's own identity.
     */
    public static List<Transport> defaults(Throttle throttle) {
        return defaults(throttle, Impersonator.NONE);
    }

    /**
     * The built-in transports (HTTP/HTTPS, then file paths), then any found by ServiceLoader,
     * sharing {@code throttle}; file-path sources and client certificates are opened through
     * {@code impersonator} as the job owner, so a service never reads a file its owner could not.
     */
    public static List<Transport> defaults(Throttle throttle, Impersonator impersonator) {
        return defaults(throttle, impersonator, null);
    }

    /**
     * As {@link #defaults(Throttle, Impersonator)}, with background HTTP connections made by
     * {@code background} (null: untuned).
     */
    public static List<Transport> defaults(Throttle throttle, Impersonator impersonator, BackgroundSocketTuner background) {
        List<Transport> list = new ArrayList<>();
        list.add(new HttpTransport(throttle, Duration.ofMinutes(2), background, impersonator));
        list.add(new FileTransport(throttle, impersonator));
        for (Transport t : ServiceLoader.load(Transport.class)) {
            list.add(t);
        }
        return list;
    }
}
