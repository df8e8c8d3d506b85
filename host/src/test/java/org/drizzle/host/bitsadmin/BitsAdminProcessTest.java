package org.drizzle.host.bitsadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ReadableClassPath;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch file as Windows runs it: one {@code drizzle bitsadmin} process per line on a private
 * store, the engine chosen as for the cmdlets (embedded, then the detached per-user service it
 * hands the resumed job to), a notify program set with {@code /SETNOTIFYCMDLINE}. Notify programs
 * never run for service accounts (root is one), so as root the lines run as a throwaway user.
 */
@EnabledOnOs(OS.LINUX)
class BitsAdminProcessTest {
    private static final Pattern CREATED = Pattern.compile("Created job (\\{[0-9A-F-]{36}})\\.");

    @TempDir
    Path tmp;
    private Path home;
    private String classpath;
    private Account user;

    @Test
    void createAddfileNotifyResumePollCompleteAcrossProcesses() throws Exception {
        scenario(false);
    }

    /** The same job, its notify command line set by Set-BitsTransfer in a host process: same split. */
    @Test
    void aNotifyCmdLineSetWithTheCmdletsIsSplitTheSameWay() throws Exception {
        scenario(true);
    }

    private void scenario(boolean notifyViaCmdlet) throws Exception {
        try (ThrowawayUsers users = new ThrowawayUsers(); FaultServer server = FaultServer.start()) {
            Path work = tmp.resolve("work");
            Files.createDirectories(work);
            classpath = System.getProperty("java.class.path");
            if (ThrowawayUsers.IS_ROOT) {
                user = users.create("dzba");
                classpath = ReadableClassPath.copy(tmp.resolve("cp"));
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                new ProcessBuilder("chown", user.name(), work.toString()).start().waitFor();
            }
            home = work.resolve("drizzle");
            server.resource("/big.bin").generated(400_000);
            Path record = work.resolve("args.txt");
            Path program = work.resolve("on-done.sh");
            Files.writeString(program, "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > " + record + "\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Matcher m = CREATED.matcher(ok("/create", "batch"));
                assertThat(m.find()).isTrue();
                String job = m.group(1);
                ok("/addfile", job, server.uri("/big.bin").toString(), work.resolve("big.bin").toString());
                if (notifyViaCmdlet) {
                    Result r = run(List.of("-NoProfile", "-Command", "Get-BitsTransfer | Where-Object DisplayName -eq 'batch' | "
                            + "Set-BitsTransfer -NotifyCmdLine '" + program + "', 'on-done.sh hello \"two words\"'"));
                    assertThat(r.code).as(r.out).isZero();
                } else {
                    ok("/setnotifycmdline", job, program.toString(), "on-done.sh hello \"two words\"");
                }
                ok("/setnotifyflags", job, "1");
                ok("/setpriority", job, "FOREGROUND");
                ok("/resume", job);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> bitsadmin("/rawreturn", "/getstate", job).equals("TRANSFERRED"));
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(record) && Files.readAllLines(record).size() == 2);
                assertThat(Files.readAllLines(record)).containsExactly("[hello]", "[two words]");
                assertThat(ok("/complete", job)).contains("Job completed.");
                assertThat(Files.size(work.resolve("big.bin"))).isEqualTo(400_000);
                assertThat(ok("/list")).contains("Listed 0 job(s).");
            } finally {
                stopDetachedService();
            }
        }
    }

    private String ok(String... args) throws Exception {
        Result r = run(args);
        assertThat(r.code).as(String.join(" ", args) + "\n" + r.out).isZero();
        return r.out;
    }

    private String bitsadmin(String... args) throws Exception {
        return run(args).out;
    }

    private record Result(int code, String out) {
    }

    private Result run(String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("bitsadmin"));
        line.addAll(List.of(args));
        return run(line);
    }

    /** {@code drizzle <args>} as the test user. */
    private Result run(List<String> args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        if (user != null) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(), "--init-groups", "--"));
        }
        cmd.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, "org.drizzle.host.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", user != null ? user.home() : System.getProperty("user.home"));
        pb.environment().put("DRIZZLE_HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** The per-user service the embedded engine started for the resumed job: ours by its store. */
    private void stopDetachedService() {
        ProcessHandle.allProcesses()
                .filter(ph -> ph.info().commandLine().map(c -> c.contains("ServiceMain") && c.contains(home.toString())).orElse(false))
                .forEach(ProcessHandle::destroy);
    }
}
