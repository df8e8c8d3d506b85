package org.drizzle.engine.service;

import java.io.IOException;

/** Builds the engine a service hosts (normally {@link LocalEngineHost}). */
@FunctionalInterface
public interface EngineHostFactory {
    EngineHost open(ServiceContext context) throws IOException;
}
