package org.drizzle.host.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.service.NamedPipeServer;
import org.drizzle.engine.service.RemoteEngine;

/**
 * Picks the engine a host session talks to: the machine service if its socket answers, else
 * this user's service, else an embedded engine (which hands its moving jobs to a detached user
 * service when the host exits). {@code -Engine Embedded|User|Machine} forces one; a forced
 * service that does not answer is an error naming its socket.
 */
public final class EngineSelector {
    private EngineSelector() {
    }

    /** The engine for {@code mode} at the default locations. */
    public static EngineClient open(EngineMode mode) throws IOException {
        return open(mode, EngineLocations.defaults());
    }

    public static EngineClient open(EngineMode mode, EngineLocations where) throws IOException {
        return switch (mode) {
            case MACHINE -> connect(where.machineSocket().toString(), "machine", where);
            case USER -> userService(where);
            case EMBEDDED -> embedded(where);
            case AUTO -> auto(where);
        };
    }

    private static EngineClient auto(EngineLocations where) throws IOException {
        for (Path socket : new Path[] {where.machineSocket(), where.userSocket()}) {
            if (Files.exists(socket) || NamedPipeServer.isPipeName(socket.toString())) {
                try {
                    return RemoteEngine.connect(socket);
                } catch (IOException e) {
                    // a socket left by a crashed service: try the next engine
                }
            }
        }
        return EmbeddedEngine.open(where, true);
    }

    /** The user service, started detached if it is not running yet. */
    private static EngineClient userService(EngineLocations where) throws IOException {
        if (!DetachedService.answers(where.userSocket())) {
            DetachedService.start(where, Duration.ofSeconds(15));
        }
        return connect(where.userSocket().toString(), "per-user", where);
    }

    private static EngineClient embedded(EngineLocations where) throws IOException {
        if (DetachedService.answers(where.userSocket())) {
            throw new IOException("Your per-user Drizzle service is running on " + where.userSocket()
                    + " and owns your job store; use -Engine User, or stop it with 'drizzle service stop'.");
        }
        return EmbeddedEngine.open(where, false);
    }

    private static EngineClient connect(String socket, String kind, EngineLocations where) throws IOException {
        try {
            return RemoteEngine.connect(Path.of(socket));
        } catch (IOException e) {
            throw new IOException("No " + kind + " Drizzle service answers on " + socket + " (" + e.getMessage() + ").", e);
        }
    }
}
