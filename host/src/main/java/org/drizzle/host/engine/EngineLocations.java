package org.drizzle.host.engine;

import java.nio.file.Path;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.service.ServiceConfig;

/**
 * Where the engines live: the machine socket, this user's service socket and this user's store
 * (shared by the embedded engine and the user service, one at a time).
 */
public record EngineLocations(Path machineSocket, Path userSocket, Path userStore) {

    public static EngineLocations defaults() {
        return new EngineLocations(ServiceConfig.machineSocket(), ServiceConfig.userSocket(), EngineConfig.defaultStoreFolder());
    }
}
