package org.drizzle.engine.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.drizzle.engine.api.EngineClient;

/**
 * {@link EngineClient} over the service socket (docs/protocol.md), plus the service's own
 * controls. It is a dynamic proxy ({@link RemoteCalls}): each EngineClient method becomes the
 * request of the same name, so a new engine operation needs no code here. Calls block until the
 * service answers; if the service goes away every waiting and later call fails at once with
 * RPC_E_DISCONNECTED and a plain message, never a hang.
 */
public interface RemoteEngine extends EngineClient {

    /**
     * Connects to the service listening on {@code socket} (a Unix-domain socket, or on Windows a
     * {@code \\.\pipe\...} name); IOException if none answers.
     */
    static RemoteEngine connect(Path socket) throws IOException {
        return RemoteCalls.connect(socket);
    }

    /** The service's own status (state, mode, pid, socket, store, protocol): {@code service.status}. */
    Map<String, Object> serviceStatus();

    /** Asks the service to stop cleanly (admins, or the user a user-mode service runs as): {@code service.stop}. */
    Map<String, Object> stopService();

    /** Whether the connection to the service is still up. */
    boolean connected();
}
