package org.drizzle.engine.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Starts a real {@link DrizzleService} on a temporary socket and store for a test. */
final class ServiceFixture implements AutoCloseable {
    final Path dir;
    final ServiceConfig config;
    DrizzleService service;

    ServiceFixture(Path dir, ServiceMode mode) {
        this.dir = dir;
        this.config = ServiceConfig.defaults(mode)
                .withPaths(dir.resolve("store"), dir.resolve("run/drizzle.sock"), dir.resolve("etc"))
                .withSessions("none", null, Set.of())
                .withNotify(Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    ServiceFixture(Path dir, ServiceConfig config) {
        this.dir = dir;
        this.config = config;
    }

    ServiceFixture start() throws IOException {
        Files.createDirectories(dir);
        service = new DrizzleService(config, LocalEngineHost.factory());
        service.start();
        return this;
    }

    RemoteEngine connect() throws IOException {
        return RemoteEngine.connect(config.socket());
    }

    @Override
    public void close() {
        if (service != null) {
            service.stop();
        }
    }
}
