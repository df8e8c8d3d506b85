package org.drizzle.engine.service;

import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;

/**
 * The engine the service exposes: one shared engine, reached through an {@link EngineClient}
 * bound to each connected caller. Closing it stops every transfer at a durable point.
 */
public interface EngineHost extends AutoCloseable {
    EngineClient clientFor(Principal caller);

    @Override
    void close();
}
