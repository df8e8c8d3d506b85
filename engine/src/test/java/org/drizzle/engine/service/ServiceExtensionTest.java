package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service extensions (found through META-INF/services in the test resources) start with the
 * service on its one engine, keep an idle per-user service alive while they serve a client,
 * stop with it, and one that fails to start leaves the service running. The test extensions act
 * only on stores holding a {@code extension-test} marker, so other service tests are unaffected.
 */
class ServiceExtensionTest {
    static final List<Recording.Started> STARTED = new CopyOnWriteArrayList<>();

    /** Records what it was given; its client count is set by the test. */
    public static final class Recording implements ServiceExtension {
        record Started(ServiceContext context, EngineHost engine, AtomicInteger clients, AtomicBoolean closed)
                implements Running {
            @Override
            public int connections() {
                return clients.get();
            }

            @Override
            public void close() {
                closed.set(true);
            }
        }

        @Override
        public Running start(ServiceContext context, EngineHost engine) {
            if (!Files.exists(context.config().storeDir().resolve("extension-test"))) {
                return null;
            }
            Started s = new Started(context, engine, new AtomicInteger(), new AtomicBoolean());
            STARTED.add(s);
            return s;
        }
    }

    /** Always fails, as a broken extension would. */
    public static final class Failing implements ServiceExtension {
        @Override
        public Running start(ServiceContext context, EngineHost engine) throws IOException {
            if (!Files.exists(context.config().storeDir().resolve("extension-test"))) {
                return null;
            }
            throw new IOException("broken on purpose");
        }
    }

    private static ServiceFixture fixture(Path dir, Duration idleExit) throws IOException {
        Files.createDirectories(dir.resolve("store"));
        Files.writeString(dir.resolve("store/extension-test"), "");
        ServiceConfig c = new ServiceFixture(dir, ServiceMode.USER).config.withIdleExit(idleExit);
        return new ServiceFixture(dir, c);
    }

    private static Recording.Started startedFor(ServiceFixture fx) {
        return STARTED.stream().filter(s -> s.context().config().storeDir().equals(fx.config.storeDir()))
                .findFirst().orElseThrow();
    }

    @Test
    void extensionSharesTheServiceEngineAndStopsWithIt(@TempDir Path dir) throws Exception {
        Recording.Started started;
        try (ServiceFixture fx = fixture(dir, null).start()) {
            assertThat(fx.service.state()).isEqualTo(ServiceState.RUNNING); // the failing extension did not stop it
            started = startedFor(fx);
            assertThat(started.context().config()).isEqualTo(fx.config);
            // the same engine: a job made through the extension's engine is seen by a socket client
            var job = started.engine().clientFor(Principal.current()).createJob("via-extension", JobType.DOWNLOAD, new JobOptions());
            try (RemoteEngine client = fx.connect()) {
                assertThat(client.getJob(job.id()).displayName()).isEqualTo("via-extension");
            }
            assertThat(started.closed()).isFalse();
        }
        assertThat(started.closed()).isTrue();
    }

    @Test
    void aClientOfAnExtensionKeepsAnIdleUserServiceRunning(@TempDir Path dir) throws Exception {
        try (ServiceFixture fx = fixture(dir, Duration.ofMillis(600)).start()) {
            Recording.Started started = startedFor(fx);
            started.clients().set(1);
            Thread.sleep(1500);
            assertThat(fx.service.state()).isEqualTo(ServiceState.RUNNING);
            started.clients().set(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.service.state() == ServiceState.TERMINATED);
            assertThat(started.closed()).isTrue();
        }
    }
}
