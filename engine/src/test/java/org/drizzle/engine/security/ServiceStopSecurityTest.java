package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.service.DrizzleService;
import org.drizzle.engine.service.LocalEngineHost;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.service.ServiceMain;
import org.drizzle.engine.service.ServiceMode;
import org.drizzle.engine.service.ServiceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 11: root's {@code drizzle service stop} without --machine/--user, while only the
 * machine service runs (root's own per-user service does not), must stop nothing and say which
 * services run. The real command runs as a process with DRIZZLE_HOME pointing at a temporary
 * machine service's socket and store.
 */
class ServiceStopSecurityTest {

    @Test
    void rootsStopWithoutATargetStopsNothingAndNamesTheRunningServices(@TempDir Path home) throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: the ambiguity is root's (machine or its own service)");
        ServiceConfig config = ServiceConfig.defaults(ServiceMode.MACHINE)
                .withPaths(home.resolve("machine-store"), home.resolve("machine.sock"), home.resolve("etc"))
                .withSessions("none", null, Set.of());
        DrizzleService machine = new DrizzleService(config, LocalEngineHost.factory());
        machine.start();
        try {
            Result bare = serviceCommand(home, "stop");
            assertThat(bare.code()).as("exit code; output: %s", bare.out()).isNotZero();
            assertThat(bare.out()).contains("machine service (pid " + ProcessHandle.current().pid() + ")")
                    .contains("--machine").contains("Nothing was stopped");
            Thread.sleep(500);
            assertThat(machine.state()).isEqualTo(ServiceState.RUNNING);

            Result named = serviceCommand(home, "stop", "--machine");
            assertThat(named.code()).as("output: %s", named.out()).isZero();
            assertThat(machine.awaitTermination(Duration.ofSeconds(30))).isTrue();
        } finally {
            machine.stop();
        }
    }

    record Result(int code, String out) {
    }

    /** {@code drizzle service ...} as root in its own JVM, with DRIZZLE_HOME set. */
    private static Result serviceCommand(Path home, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ServiceMain.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DRIZZLE_HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
