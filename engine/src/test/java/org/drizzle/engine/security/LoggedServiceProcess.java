package org.drizzle.engine.security;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.service.DrizzleService;
import org.drizzle.engine.service.LocalEngineHost;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.service.ServiceMode;

/**
 * The real Drizzle service (machine mode as root, else user mode) in its own JVM, as systemd
 * runs it: its log is its stderr (slf4j-simple), captured to {@code service.log}; its syslog
 * socket, store, socket, config and policy file live in a temporary folder. {@link #main} is
 * the child's entry: ServiceMain's run loop with the syslog socket moved into that folder.
 */
public final class LoggedServiceProcess implements AutoCloseable {
    public final Path dir;
    public final Path socket;
    public final Path log;
    public final Path syslog;
    public final Path policyFile;
    private final Process process;

    private LoggedServiceProcess(Path dir, Process process) {
        this.dir = dir;
        this.socket = dir.resolve("drizzle.sock");
        this.log = dir.resolve("service.log");
        this.syslog = dir.resolve("log");
        this.policyFile = dir.resolve("etc/policy.json");
        this.process = process;
    }

    /** Starts the service and waits until its socket answers. */
    public static LoggedServiceProcess start(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("etc"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
                "-Ddrizzle.policy.file=" + dir.resolve("etc/policy.json"),
                "-Ddrizzle.network.cost.file=" + dir.resolve("etc/network-cost.json"),
                "-Ddrizzle.policy.cache=" + dir.resolve("policy-cache"),
                "-cp", System.getProperty("java.class.path"), LoggedServiceProcess.class.getName(), dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile())
                .start();
        LoggedServiceProcess s = new LoggedServiceProcess(dir, p);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("the service exited: " + Files.readString(s.log));
                    }
                    try (RemoteEngine r = s.connect()) {
                        return r != null;
                    }
                });
        return s;
    }

    public RemoteEngine connect() throws IOException {
        return RemoteEngine.connect(socket);
    }

    /** The service log so far, line by line. */
    public List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    @Override
    public void close() throws Exception {
        try (RemoteEngine r = connect()) {
            r.stopService();
        } catch (RuntimeException | IOException e) {
            process.destroy();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The child: the service with every location under {@code args[0]}, until stopped. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ServiceMode mode = Principal.current().uid() == 0 ? ServiceMode.MACHINE : ServiceMode.USER;
        ServiceConfig c = ServiceConfig.defaults(mode)
                .withPaths(dir.resolve("store"), dir.resolve("drizzle.sock"), dir.resolve("etc"))
                .withSessions("none", null, Set.of())
                .withNotify(Duration.ofSeconds(5), Duration.ofSeconds(600))
                .withIdleExit(null);
        c = new ServiceConfig(c.mode(), c.storeDir(), c.socket(), c.configDir(), c.adminGroups(), c.serviceAccounts(),
                c.allowWithoutSession(), c.sessionSource(), c.sessionFile(), c.sessionPoll(), c.notifyTimeLimit(),
                c.notifyRetryDelay(), dir.resolve("log"), c.idleExit(), c.limits());
        DrizzleService service = new DrizzleService(c, LocalEngineHost.factory());
        service.start();
        service.stopOnSignal();
        while (!service.awaitTermination(Duration.ofHours(1))) {
            // serve until stopped
        }
        System.exit(0);
    }
}
