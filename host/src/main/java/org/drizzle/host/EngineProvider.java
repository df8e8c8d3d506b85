package org.drizzle.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.host.engine.EngineLocations;
import org.drizzle.host.engine.EngineMode;
import org.drizzle.host.engine.EngineSelector;

/**
 * Opens the engine for a host session through {@link EngineSelector} (service if one answers,
 * else embedded). {@code DRIZZLE_HOME} moves every location (store and sockets) under one
 * folder, so tests and experiments never touch the user's real jobs.
 */
public final class EngineProvider {
    private EngineProvider() {
    }

    public static EngineLocations locations() {
        String home = System.getenv("DRIZZLE_HOME");
        if (home == null || home.isBlank()) {
            return EngineLocations.defaults();
        }
        Path h = Path.of(home).toAbsolutePath();
        return new EngineLocations(h.resolve("machine.sock"), h.resolve("user.sock"), h.resolve("store"));
    }

    public static EngineClient open(EngineMode mode) {
        try {
            return EngineSelector.open(mode, locations());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the Drizzle engine: " + e.getMessage(), e);
        }
    }
}
