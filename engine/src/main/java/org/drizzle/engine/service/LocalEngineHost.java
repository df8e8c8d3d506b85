package org.drizzle.engine.service;

import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.schedule.RunCondition;

/** The service's engine: one {@link LocalEngine} on the service's store, shared by all callers. */
public final class LocalEngineHost implements EngineHost {
    private final LocalEngine engine;

    private LocalEngineHost(LocalEngine engine) {
        this.engine = engine;
    }

    /** Opens the engine with the service's identity parts (impersonation, logged-on rule, admins). */
    public static EngineHostFactory factory() {
        return context -> new LocalEngineHost(LocalEngine.open(config(context).build()));
    }

    /** The engine settings a service context implies; callers may add to them (tests: a faster checkpoint). */
    public static EngineConfig.Builder config(ServiceContext context) {
        EngineConfig.Builder b = EngineConfig.builder(context.config().storeDir())
                .impersonator(context.impersonator())
                .admin(Principal::admin);
        for (RunCondition c : context.runConditions()) {
            b.runCondition(c);
        }
        return b;
    }

    /** The engine itself, for in-process tests. */
    public LocalEngine engine() {
        return engine;
    }

    @Override
    public EngineClient clientFor(Principal caller) {
        return engine.client(caller);
    }

    @Override
    public void close() {
        engine.close();
    }
}
