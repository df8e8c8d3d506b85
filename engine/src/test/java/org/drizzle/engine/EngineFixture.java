package org.drizzle.engine;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.transfer.HttpTransport;
import org.drizzle.engine.transfer.Transport;

/** A real LocalEngine on a temp store folder, with the real HTTP transport and a movable clock. */
public final class EngineFixture implements AutoCloseable {
    public final Path store;
    public final MutableClock clock = new MutableClock();
    public final LocalEngine engine;
    /** The user running the tests, as a non-admin (tests may run as root). */
    public final Principal alice = new Principal(Principal.current().uid(), Principal.current().gid(),
            Principal.current().name(), false);
    public final Principal bob = new Principal(alice.uid() + 4242, alice.gid(), "bob", false);
    public final Principal admin = new Principal(alice.uid() + 4343, alice.gid(), "root-like", true);
    private final HttpTransport http;

    public EngineFixture(Path store) throws IOException {
        this(store, b -> { });
    }

    public EngineFixture(Path store, Consumer<EngineConfig.Builder> tweak) throws IOException {
        this.store = store;
        this.http = new HttpTransport(Throttle.UNLIMITED, Duration.ofSeconds(10));
        EngineConfig.Builder b = EngineConfig.builder(store).clock(clock).transports(List.<Transport>of(http))
                .notificationInterval(Duration.ofMillis(100));
        tweak.accept(b);
        this.engine = LocalEngine.open(b.build());
    }

    public EngineClient client() {
        return engine.client(alice);
    }

    /** Waits (real time) until the job reaches {@code state}; wakes the scheduler meanwhile. */
    public JobInfo awaitState(EngineClient c, JobId id, JobState state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            engine.scheduler().wake();
            return c.getJob(id).state() == state;
        });
        return c.getJob(id);
    }

    @Override
    public void close() {
        engine.close();
        http.close();
    }
}
