package org.drizzle.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.drizzle.engine.EngineAssembly;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceMain;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.host.Main;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl+C (a real SIGINT) on a synchronous Start-/Resume-BitsTransfer in the full host
 * ({@code drizzle -Engine User}, not the quick path) talking to a real per-user service process:
 * the job is cancelled in the service exactly as with the embedded engine, and the host exits
 * promptly; a second Ctrl+C ends it at once even when the service does not answer.
 */
class CtrlCWithServiceTest {
    @TempDir
    static Path dir;
    static Path serviceHome;
    static Process service;
    static FaultServer http;
    static RemoteEngine engine;

    record Outcome(int code, String err, long millisAfterSignal, List<JobInfo> jobsLeft, List<Path> filesLeft) {
    }

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(java.io.File.separatorChar == '/', "sends SIGINT with kill(1) and uses Unix-domain sockets");
        serviceHome = Files.createDirectories(dir.resolve("service"));
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(EngineAssembly.JVM_OPTIONS);
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(),
                "run", "--user", "--socket", serviceHome.resolve("user.sock").toString(),
                "--store", serviceHome.resolve("store").toString(), "--config", serviceHome.resolve("etc").toString(),
                "--session-source", "none", "--idle-exit", "0"));
        service = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(serviceHome.resolve("service.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(serviceHome.resolve("user.sock")) || !service.isAlive());
        assertThat(service.isAlive()).as("service log: %s", Files.readString(serviceHome.resolve("service.log"))).isTrue();
        engine = RemoteEngine.connect(serviceHome.resolve("user.sock"));
        http = FaultServer.start();
        http.resource("/slow.bin").generated(5_000_000).slow(100_000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (http != null) {
            http.close();
        }
        if (service != null) {
            signal("CONT", service);
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void ctrlCCancelsTheServiceJobAsTheEmbeddedEngineDoes() throws Exception {
        String start = "Start-BitsTransfer -Source " + http.uri("/slow.bin") + " -Destination slow.bin -DisplayName cancel-start";
        Path embeddedHome = Files.createDirectories(dir.resolve("embedded"));
        Outcome embedded = interrupt(embeddedHome, embeddedHome, "Embedded", start, () -> {
            try (EngineClient local = EngineSelector.open(EngineMode.EMBEDDED, locations(embeddedHome))) {
                return local.listJobs(false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(embedded.jobsLeft()).as("embedded: Get-BitsTransfer after Ctrl+C").isEmpty();
        assertThat(embedded.filesLeft()).as("embedded: temp file removed").isEmpty();

        Outcome viaService = interrupt(serviceHome, serviceHome.resolve("start"), "User", start, () -> engine.listJobs(false));
        assertThat(viaService.jobsLeft()).as("service: Get-BitsTransfer after Ctrl+C; host stderr: %s", viaService.err())
                .isEmpty();
        assertThat(viaService.filesLeft()).as("service: temp file removed").isEmpty();
        assertThat(viaService.code()).as("exit code as with the embedded engine").isEqualTo(embedded.code());
        assertThat(viaService.err()).doesNotContain("Could not cancel", "did not confirm")
                .doesNotContainIgnoringCase("connection");
        assertThat(viaService.millisAfterSignal()).as("exits promptly").isLessThan(5_000);
        assertThat(engine.connected()).as("the service is still up").isTrue();
    }

    @Test
    void ctrlCCancelsASynchronousResumeOfAServiceJob() throws Exception {
        Path home = serviceHome.resolve("resume");
        Files.createDirectories(home.resolve("work"));
        JobInfo job = engine.createJob("cancel-resume", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
        engine.addFile(job.id(), http.uri("/slow.bin").toString(), home.resolve("work/slow.bin").toString(), null);
        Outcome o = interrupt(serviceHome, home, "User", "Get-BitsTransfer -Name cancel-resume | Resume-BitsTransfer",
                () -> engine.listJobs(false));
        assertThat(o.jobsLeft()).as("host stderr: %s", o.err()).isEmpty();
        assertThat(o.filesLeft()).isEmpty();
        assertThat(o.code()).isZero();
    }

    @Test
    void aSecondCtrlCEndsTheHostAtOnceWhileTheServiceDoesNotAnswer() throws Exception {
        Path home = serviceHome.resolve("frozen");
        Path work = Files.createDirectories(home.resolve("work"));
        Process host = host(serviceHome, home, "User", "Start-BitsTransfer -Source " + http.uri("/slow.bin")
                + " -Destination slow.bin -DisplayName cancel-frozen");
        try {
            awaitTransferring(host, home, work);
            freezeServiceOnceWaiting(); // the first Ctrl+C's Cancel gets no answer
            signal("INT", host);
            Thread.sleep(1000); // the first press has sent the Cancel; it waits for the answer
            long second = System.nanoTime();
            signal("INT", host);
            assertThat(host.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat((System.nanoTime() - second) / 1_000_000).isLessThan(3_000);
            assertThat(host.exitValue()).isEqualTo(130);
        } finally {
            signal("CONT", service);
            host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        cancelLeftOver("cancel-frozen");
    }

    @Test
    void ctrlCEndsTheCommandWithinTheCancelBoundWhileTheServiceDoesNotAnswer() throws Exception {
        Path home = serviceHome.resolve("hung");
        Path work = Files.createDirectories(home.resolve("work"));
        Process host = host(serviceHome, home, "User", "Start-BitsTransfer -Source " + http.uri("/slow.bin")
                + " -Destination slow.bin -DisplayName cancel-hung; 'after the transfer'");
        try {
            awaitTransferring(host, home, work);
            freezeServiceOnceWaiting();
            Thread.sleep(1500); // no events now: the waiter is asking the service for the job, with no answer
            long signalled = System.nanoTime();
            signal("INT", host);
            assertThat(host.waitFor(15, TimeUnit.SECONDS)).as("ends without the service's answer").isTrue();
            long took = (System.nanoTime() - signalled) / 1_000_000;
            assertThat(took).isBetween(4_000L, 10_000L);
            assertThat(Files.readString(home.resolve("host.err")))
                    .contains("did not confirm within 5 s", "Get-BitsTransfer -JobId");
            assertThat(Files.readString(home.resolve("host.out"))).contains("after the transfer");
            assertThat(host.exitValue()).isZero();
        } finally {
            signal("CONT", service);
            host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        cancelLeftOver("cancel-hung");
    }

    /**
     * The service answers again; the host that sent the Cancel is gone, and the service drops a
     * departed client's unread requests, so the job may still be there.
     */
    private static void cancelLeftOver(String name) {
        for (JobInfo j : engine.listJobs(false)) {
            if (j.displayName().equals(name)) {
                try {
                    engine.cancel(j.id());
                } catch (BitsException e) {
                    // the host's own Cancel got there first
                }
            }
        }
    }

    /**
     * Runs a synchronous transfer in a real host process, sends SIGINT mid-transfer and reports
     * what is left: the jobs {@code command} names that Get-BitsTransfer still lists, and the files.
     */
    private static Outcome interrupt(Path drizzleHome, Path home, String engineMode, String command,
                                     Supplier<List<JobInfo>> jobs) throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        Process p = host(drizzleHome, home, engineMode, command);
        awaitTransferring(p, home, work);
        long signalled = System.nanoTime();
        signal("INT", p);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long took = (System.nanoTime() - signalled) / 1_000_000;
        List<JobInfo> left = jobs.get().stream().filter(j -> command.contains(j.displayName())).toList();
        return new Outcome(p.exitValue(), Files.readString(home.resolve("host.err")), took, left, listing(work));
    }

    /** A host process whose engine locations are under {@code drizzleHome}; its files go to {@code home}. */
    private static Process host(Path drizzleHome, Path home, String engineMode, String command) throws IOException {
        List<String> cmd = List.of(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-Engine", engineMode, "-NoProfile", "-Command", command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Files.createDirectories(home.resolve("work")).toFile());
        pb.environment().put("DRIZZLE_HOME", drizzleHome.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return pb.redirectOutput(home.resolve("host.out").toFile()).redirectError(home.resolve("host.err").toFile()).start();
    }

    /** Bytes are arriving in the job's temp file: the host is in the synchronous cmdlet. */
    private static void awaitTransferring(Process p, Path home, Path work) throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> !p.isAlive() || listing(work).stream().anyMatch(f -> size(f) > 0));
        assertThat(p.isAlive()).as("host ended early: %s", Files.readString(home.resolve("host.err"))).isTrue();
    }

    /**
     * Bytes can land before the cmdlet has subscribed to the job's events; a frozen service would
     * then hold that call (bounded only by the remote call timeout), not the wait under test.
     */
    private static void freezeServiceOnceWaiting() throws IOException, InterruptedException {
        Thread.sleep(1000);
        signal("STOP", service);
    }

    private static void signal(String name, Process p) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor();
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static EngineLocations locations(Path home) {
        return new EngineLocations(home.resolve("machine.sock"), home.resolve("user.sock"), home.resolve("store"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
