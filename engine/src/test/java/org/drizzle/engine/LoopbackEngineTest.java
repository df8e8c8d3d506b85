package org.drizzle.engine;

import java.nio.file.Path;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole engine against the loopback {@link FaultServer}: a store in a temp folder, one client
 * of the user running the tests, both started before each test and closed after it.
 */
public abstract class LoopbackEngineTest {
    @TempDir
    protected Path dir;
    protected FaultServer server;
    protected EngineFixture fx;
    protected EngineClient client;

    @BeforeEach
    void startEngineAndServer() throws Exception {
        server = FaultServer.start();
        fx = fixture(dir.resolve("store"));
        client = fx.client();
    }

    /** The engine under test; override to configure it. */
    protected EngineFixture fixture(Path store) throws Exception {
        return new EngineFixture(store);
    }

    @AfterEach
    void stopEngineAndServer() {
        fx.close();
        server.close();
    }
}
