package org.drizzle.engine.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A part that modules above the engine add to a running service, found with
 * {@link ServiceLoader} (the host's quick path registers one in
 * {@code META-INF/services/org.drizzle.engine.service.ServiceExtension}). It is started once the
 * engine and the transport run and stopped first; it shares the service's one engine.
 */
public interface ServiceExtension {

    /**
     * Starts this extension for {@code context}'s service, or returns null when it has nothing
     * to do there (for example a per-user feature in the machine service).
     */
    Running start(ServiceContext context, EngineHost engine) throws IOException;

    /** A started extension. */
    interface Running extends AutoCloseable {
        /** Clients it is serving now; a per-user service does not stop for idleness while any is. */
        int connections();

        @Override
        void close();
    }

    /**
     * Starts every extension on the class path. One that fails is logged and left out: an
     * extension adds to the service and must never keep it from running.
     */
    static List<Running> startAll(ServiceContext context, EngineHost engine) {
        Logger log = LoggerFactory.getLogger(ServiceExtension.class);
        List<Running> started = new ArrayList<>();
        for (ServiceLoader.Provider<ServiceExtension> p : ServiceLoader.load(ServiceExtension.class).stream().toList()) {
            try {
                Running r = p.get().start(context, engine);
                if (r != null) {
                    started.add(r);
                }
            } catch (IOException | RuntimeException | java.util.ServiceConfigurationError e) {
                log.warn("Service extension {} did not start: {}", p.type().getName(), e.toString());
            }
        }
        return started;
    }
}
