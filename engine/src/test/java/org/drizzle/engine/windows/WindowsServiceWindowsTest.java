package org.drizzle.engine.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.Winsvc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceMain;
import org.drizzle.engine.service.windows.ScmService;
import org.drizzle.engine.service.windows.WindowsServiceMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows service against the real Service Control Manager: `drizzle service install`
 * registers it (CreateService, ChangeServiceConfig2), `start`/`stop` and sc.exe drive it, and a
 * JVM started by the SCM answers through WindowsServiceHost (StartServiceCtrlDispatcher,
 * RegisterServiceCtrlHandlerEx, SetServiceStatus). Needs administrator rights on Windows.
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class WindowsServiceWindowsTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final String name = "DrizzleTest" + Long.toHexString(System.nanoTime()) + "x" + COUNTER.incrementAndGet();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void needsElevation() {
        Elevated.assume();
    }

    @Test
    void installRegistersTheServiceAndUninstallRemovesIt() throws Exception {
        Path store = dir.resolve("store");
        assertThat(drizzle("install", "--name", name, "--store", store.toString())).as("install; %s", err).isZero();
        try {
            String key = "SYSTEM\\CurrentControlSet\\Services\\" + name;
            String image = Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, key, "ImagePath");
            assertThat(image.replace("\"", "")).startsWith(ChildJava.javaExe() + " ").contains(" -cp ")
                    .contains("org.drizzle.engine.service.windows.WindowsServiceMain --name " + name + " --store " + store)
                    .contains("--socket \\\\.\\pipe\\drizzle");
            assertThat(Advapi32Util.registryGetIntValue(WinReg.HKEY_LOCAL_MACHINE, key, "Start")).as("automatic start").isEqualTo(2);
            assertThat(new ScmService(name).state()).isEqualTo(Winsvc.SERVICE_STOPPED);
            assertThat(out.toString()).contains("Installed the Windows service '" + name + "'");

            assertThat(drizzle("install", "--name", name)).isEqualTo(1);
            assertThat(err.toString()).contains("Cannot install the Windows service '" + name + "': it is already installed");
            assertThat(drizzle("stop", "--name", name)).as("stop of a stopped service; %s", err).isZero();
        } finally {
            assertThat(drizzle("uninstall", "--name", name)).as("uninstall; %s", err).isZero();
        }
        assertThat(new ScmService(name).state()).isEqualTo(ScmService.NOT_INSTALLED);
        assertThat(drizzle("uninstall", "--name", name)).isEqualTo(1);
        assertThat(err.toString()).contains("it is not installed");
        assertThat(drizzle("install", "--name", "bad/name")).isEqualTo(2);
        assertThat(err.toString()).contains("--name 'bad/name' is not a Windows service name");
    }

    @Test
    void theJavaProcessAnswersTheScmsControlCodes() throws Exception {
        Path journal = dir.resolve("journal.txt");
        ScmService scm = new ScmService(name);
        scm.install(new ScmService.Spec(name, "Drizzle SCM probe", "WindowsServiceHost under the SCM",
                ChildJava.command(ScmProbe.class, name, journal.toString())));
        try {
            // drizzle service start: StartService, then RUNNING reported by the Java process.
            assertThat(drizzle("start", "--name", name)).as("start; %s", err).isZero();
            assertThat(scm.state()).isEqualTo(Winsvc.SERVICE_RUNNING);
            int pid = scm.status().dwProcessId;
            assertThat(journal(journal)).containsExactly("started " + pid);

            // sc.exe stop: SERVICE_CONTROL_STOP reaches the handler, the body stops, the SCM sees STOPPED.
            assertThat(sc("stop", name)).isZero();
            awaitState(scm, Winsvc.SERVICE_STOPPED);
            awaitJournal(journal, "exit:0");
            assertThat(journal(journal)).containsExactly("started " + pid, "stop:stop", "exit:0");

            // sc.exe start, then drizzle service stop.
            Files.delete(journal);
            assertThat(sc("start", name)).isZero();
            awaitState(scm, Winsvc.SERVICE_RUNNING);
            assertThat(drizzle("stop", "--name", name)).as("stop; %s", err).isZero();
            awaitJournal(journal, "exit:0");
            assertThat(journal(journal)).hasSize(3).contains("stop:stop");
        } finally {
            scm.uninstall(WAIT);
        }
    }

    @Test
    void theRunningServiceAcceptsStopShutdownAndPreshutdown() throws Exception {
        Path journal = dir.resolve("journal.txt");
        ScmService scm = new ScmService(name);
        scm.install(new ScmService.Spec(name, "Drizzle SCM probe", "WindowsServiceHost under the SCM",
                ChildJava.command(ScmProbe.class, name, journal.toString())));
        try {
            scm.start(WAIT);
            assertThat(scm.status().dwControlsAccepted).isEqualTo(Winsvc.SERVICE_ACCEPT_STOP | Winsvc.SERVICE_ACCEPT_SHUTDOWN
                    | Winsvc.SERVICE_ACCEPT_PRESHUTDOWN);
            // Only a system shutdown sends these two; Windows and Wine refuse them from ControlService.
            assertThatThrownBy(() -> scm.control(Winsvc.SERVICE_CONTROL_PRESHUTDOWN, WAIT)).hasMessageContaining("Windows error 87");
            assertThat(scm.status().dwCurrentState).isEqualTo(Winsvc.SERVICE_RUNNING);
        } finally {
            scm.uninstall(WAIT);
        }
        assertThat(journal(journal)).contains("stop:stop", "exit:0");
    }

    @Test
    void theDrizzleServiceProgramRunsUnderTheScm() throws Exception {
        String pipe = "\\\\.\\pipe\\" + name;
        // Outside the temporary folder: Wine may keep the stopped service's log open a moment longer.
        Path log = Files.createTempFile("drizzle-service", ".log");
        log.toFile().deleteOnExit();
        List<String> command = new java.util.ArrayList<>(ChildJava.command(WindowsServiceMain.class, "--name", name,
                "--store", dir.resolve("store").toString(), "--config", dir.resolve("etc").toString(), "--socket", pipe));
        command.add(1, "-Dorg.slf4j.simpleLogger.logFile=" + log);
        ScmService scm = new ScmService(name);
        scm.install(new ScmService.Spec(name, name, "WindowsServiceMain under the SCM", command));
        try {
            if (ModuleLayer.boot().findModule("java.sql").isEmpty() || ModuleLayer.boot().findModule("jdk.net").isEmpty()) {
                // The lane's JRE: the engine cannot open (no JDBC for its store, no jdk.net for uploads),
                // and the SCM is told so.
                assertThatThrownBy(() -> scm.start(WAIT)).hasMessage("The Windows service '" + name
                        + "' stopped while starting (exit code 1066, service-specific code 1).");
                assertThat(Files.readString(log)).contains("The Drizzle service " + name + " could not start");
                return;
            }
            scm.start(WAIT);
            try (RemoteEngine remote = RemoteEngine.connect(java.nio.file.Path.of(pipe))) {
                assertThat(remote.serviceStatus()).containsEntry("state", "RUNNING");
            }
            assertThat(drizzle("stop", "--name", name)).as("stop; %s", err).isZero();
            assertThat(scm.state()).isEqualTo(Winsvc.SERVICE_STOPPED);
        } finally {
            scm.uninstall(WAIT);
        }
    }

    @Test
    void outsideTheScmTheServiceProgramSaysHowToRunIt() throws Exception {
        ChildJava.Result r = ChildJava.run(java.util.Map.of(), WindowsServiceMain.class,
                "--name", name, "--store", dir.resolve("store").toString(), "--config", dir.resolve("etc").toString());
        assertThat(r.exitCode()).as("stderr: %s", r.stderr()).isEqualTo(2);
        assertThat(r.stderr()).contains("runs when the Service Control Manager starts the '" + name + "' service");
    }

    private int drizzle(String... args) {
        out.reset();
        err.reset();
        return ServiceMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static int sc(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getenv("SystemRoot"), "System32", "sc.exe").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static void awaitState(ScmService scm, int state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (scm.state() != state) {
            assertThat(System.nanoTime()).as("service reaches state %d", state).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitJournal(Path journal, String line) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(journal) || !journal(journal).contains(line)) {
            assertThat(System.nanoTime()).as("journal gets %s", line).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> journal(Path journal) throws IOException {
        return Files.readAllLines(journal);
    }
}
