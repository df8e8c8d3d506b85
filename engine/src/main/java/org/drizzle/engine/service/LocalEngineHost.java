package org.drizzle.engine.service;

import org.drizzle.engine.EngineAssembly;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.metrics.NotifyRunCounts;

/**
 * The service's engine: one {@link LocalEngine} on the service's store, shared by all callers,
 * opened through {@link EngineAssembly} so policy, idle-bandwidth throttling and network presence
 * apply.
 */
public final class LocalEngineHost implements EngineHost {
    private final EngineAssembly assembly;

    private LocalEngineHost(EngineAssembly assembly) {
        this.assembly = assembly;
    }

    /**
     * Opens the engine with the service's identity parts (impersonation, logged-on rule, admins),
     * its system log (job-event journal) and notify command settings.
     */
    public static EngineHostFactory factory() {
        return context -> new LocalEngineHost(assembly(context).open());
    }

    /** The engine a service context implies; callers may add to it (tests: a faster checkpoint). */
    public static EngineAssembly.Builder assembly(ServiceContext context) {
        EngineAssembly.Builder b = EngineAssembly.builder(context.config().storeDir(), EngineAssembly.Mode.SERVICE)
                .impersonator(context.impersonator())
                .configure(c -> c.admin(Principal::admin))
                .metrics(context.config().metrics(),
                        context.systemLog() instanceof NotifyRunCounts counts ? counts : null)
                .systemLog(context.systemLog())
                .notifyCommands(context.sessions(), PlatformBackends.notifyLauncher(),
                        context.config().notifyTimeLimit(), context.config().notifyRetryDelay());
        for (RunCondition c : context.runConditions()) {
            b.runCondition(c);
        }
        return b;
    }

    /** The engine itself, for in-process tests. */
    public LocalEngine engine() {
        return assembly.engine();
    }

    @Override
    public EngineClient clientFor(Principal caller) {
        return assembly.engine().client(caller);
    }

    /** Stops the engine, then the policy, bandwidth and network parts. */
    @Override
    public void close() {
        assembly.close();
    }
}
