package org.drizzle.host.engine;

import java.io.IOException;
import org.drizzle.engine.api.EngineClient;

/**
 * The engine inside the host, on the user's store (locked against a second engine). When the
 * host closes it while jobs are still meant to move (for example after
 * {@code Start-BitsTransfer -Asynchronous}), it hands the store over to a detached per-user
 * service, so those jobs keep transferring after the host exits, as BITS jobs do. A proxy
 * ({@link EmbeddedAssembly}) passes every EngineClient call to the engine as is.
 */
public interface EmbeddedEngine extends EngineClient {

    /**
     * Opens the embedded engine on {@code where.userStore()}.
     *
     * @param handOver start the user service at close if jobs are still moving
     */
    static EmbeddedEngine open(EngineLocations where, boolean handOver) throws IOException {
        return EmbeddedAssembly.open(where, handOver);
    }
}
