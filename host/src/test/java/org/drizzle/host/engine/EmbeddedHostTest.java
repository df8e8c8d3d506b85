package org.drizzle.host.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.TempPolicy;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts through the host's runtime on the embedded engine it opens, with the machine policy
 * file moved to a temp folder and a loopback {@link FaultServer}; all three are opened before
 * each test and closed after it.
 */
abstract class EmbeddedHostTest {
    @TempDir
    Path dir;
    TempPolicy policy;
    FaultServer server;
    EmbeddedHost host;

    @BeforeEach
    void openHost() throws IOException {
        policy = policy(TempPolicy.in(dir));
        server = FaultServer.start();
        host = new EmbeddedHost(dir);
    }

    /** The policy in force while the test runs: none unless a test class writes one into {@code empty}. */
    TempPolicy policy(TempPolicy empty) throws IOException {
        return empty;
    }

    @AfterEach
    void closeHost() {
        host.close();
        server.close();
        policy.close();
    }

    List<String> run(String script) {
        return host.run(script);
    }
}
