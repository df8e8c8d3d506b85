package org.drizzle.host.engine;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.drizzle.engine.EngineAssembly;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What stands behind an {@link EmbeddedEngine}: the engine inside the host, on the user's store (locked against a second engine). When the
 * host closes it while jobs are still meant to move (for example after
 * {@code Start-BitsTransfer -Asynchronous}), it hands the store over to a detached per-user
 * service, so those jobs keep transferring after the host exits, as BITS jobs do.
 */
final class EmbeddedAssembly implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAssembly.class);

    private final EngineLocations where;
    private final EngineAssembly assembly;
    private final EngineClient engine;
    private final boolean handOver;

    private EmbeddedAssembly(EngineLocations where, EngineAssembly assembly, boolean handOver) {
        this.where = where;
        this.assembly = assembly;
        this.engine = assembly.engine().client(Principal.current());
        this.handOver = handOver;
    }

    /**
     * Opens the embedded engine on {@code where.userStore()}.
     *
     * @param handOver start the user service at close if jobs are still moving
     */
    static EmbeddedEngine open(EngineLocations where, boolean handOver) throws IOException {
        // Policy, idle-bandwidth throttling, network presence and (on Linux) notify command
        // lines, as in the service; the job store refuses a second engine on the same store
        // (naming the holder's pid). The service runs the notify lines once the store is handed over.
        EngineAssembly assembly = EngineAssembly.builder(where.userStore(), EngineAssembly.Mode.EMBEDDED).open();
        try {
            EmbeddedAssembly self = new EmbeddedAssembly(where, assembly, handOver);
            return (EmbeddedEngine) Proxy.newProxyInstance(EmbeddedEngine.class.getClassLoader(),
                    new Class<?>[] {EmbeddedEngine.class}, self);
        } catch (RuntimeException e) {
            assembly.close();
            throw e;
        }
    }

    /** Jobs that would stop if nothing ran them after this host exits. */
    boolean hasMovingJobs() {
        return engine.listJobs(false).stream().anyMatch(j -> j.state().isMoving());
    }

    private void close() {
        boolean moving = handOver && hasMovingJobs();
        engine.close();
        assembly.close();
        if (moving) {
            try {
                if (!DetachedService.start(where, Duration.ofSeconds(10))) {
                    LOG.warn("The per-user Drizzle service did not answer on {}; jobs resume the next time Drizzle runs.",
                            where.userSocket());
                }
            } catch (IOException e) {
                LOG.warn("Could not start the per-user Drizzle service: {}; jobs resume the next time Drizzle runs.",
                        e.getMessage());
            }
        }
    }

    /** Every EngineClient call goes to the engine's client as is; only close does more (the hand-over). */
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                close();
                return null;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "EmbeddedEngine[" + where.userStore() + "]";
            default:
                try {
                    return method.invoke(engine, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }
}
