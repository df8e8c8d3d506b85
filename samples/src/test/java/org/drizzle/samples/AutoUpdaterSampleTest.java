package org.drizzle.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The auto-updater sample ({@code samples/auto-updater}, .ps1 and .js) end to end, run by an
 * ordinary user (a throwaway account when the tests run as root: BITS never runs a notify program
 * for a service account): a manifest on a loopback server offers a newer version, a Low-priority job
 * downloads it through the user's real per-user service, whose notify command line verifies the
 * SHA-256, swaps the package in and runs the restart hook. A corrupted download is never installed;
 * a download cut by a service crash ("reboot") resumes and installs once the service runs again; and
 * for root, whose notify program never runs, the next run installs what was downloaded.
 */
class AutoUpdaterSampleTest {
    private static FaultServer server;
    private static ThrowawayUsers users;
    private static UserHost user;

    private Path dir;
    private Path app;

    @BeforeAll
    static void start() throws Exception {
        server = FaultServer.start();
        users = new ThrowawayUsers();
        user = UserHost.create(users, "dzau");
    }

    @AfterAll
    static void stop() throws Exception {
        user.close();
        users.close();
        server.close();
    }

    @BeforeEach
    void installDir() throws Exception {
        dir = user.newFolder();
        app = user.mkdir(dir.resolve("app"));
        user.write(app.resolve("version.txt"), "1.0\n");
        Path hook = user.write(dir.resolve("restart-hook"), "#!/bin/sh\necho \"restarted for $1\" > '" + dir.resolve("restarted") + "'\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void noJobsLeft() throws Exception {
        user.run("-Command", "Get-BitsTransfer | Remove-BitsTransfer");
    }

    private static Path samples() {
        return HostProcess.scripts().getParent().resolve("auto-updater");
    }

    private String manifest(String name, String pkgPath, String sha256) throws Exception {
        Path m = dir.resolve(name + ".json");
        Files.writeString(m, "{\"version\": \"1.4.0\", \"url\": \"" + server.uri(pkgPath) + "\", \"sha256\": \"" + sha256 + "\"}");
        server.resource("/" + name + ".json").file(m);
        return server.uri("/" + name + ".json").toString();
    }

    private String[] updateArgs(String variant, String manifestUrl) throws IOException {
        String hook = dir.resolve("restart-hook").toString();
        return variant.equals("ps1")
                ? new String[] {samples().resolve("Update-App.ps1").toString(), "-ManifestUrl", manifestUrl,
                        "-InstallDir", app.toString(), "-AppName", "app", "-RestartHook", hook, "-Launcher", user.launcher().toString()}
                : new String[] {samples().resolve("update-app.js").toString(), manifestUrl, app.toString(), "app", hook,
                        user.launcher().toString()};
    }

    private String log() throws Exception {
        Path log = app.resolve("update.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private void awaitLog() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> log().contains("installed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ps1", "js"})
    void aNewerVersionIsDownloadedVerifiedSwappedInAndTheAppRestarted(String variant) throws Exception {
        Resource pkg = server.resource("/good-" + variant + ".pkg").generated(2_000_000);
        String url = manifest("good-" + variant, "/good-" + variant + ".pkg", pkg.content().sha256());

        HostProcess.Run r = user.run(updateArgs(variant, url));
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("Downloading app 1.4.0 in the background");
        awaitLog();
        assertThat(log()).contains("app 1.4.0 installed (SHA-256 " + pkg.content().sha256().toUpperCase());
        assertThat(Files.readString(app.resolve("version.txt")).trim()).isEqualTo("1.4.0");
        assertThat(Sha.of(app.resolve("app.pkg"))).isEqualTo(pkg.content().sha256());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("restarted")));
        assertThat(Files.readString(dir.resolve("restarted")).trim()).isEqualTo("restarted for 1.4.0");
        assertThat(user.run("-Command", "@(Get-BitsTransfer).Count").out().trim()).as("the job was completed").isEqualTo("0");

        HostProcess.Run again = user.run(updateArgs(variant, url));
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.out()).contains("app 1.4.0 is up to date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ps1", "js"})
    void aCorruptedDownloadIsNeverInstalled(String variant) throws Exception {
        Resource pkg = server.resource("/bad-" + variant + ".pkg").generated(500_000);
        String url = manifest("bad-" + variant, "/bad-" + variant + ".pkg", "0".repeat(64));

        HostProcess.Run r = user.run(updateArgs(variant, url));
        assertThat(r.code()).as(r.all()).isZero();
        awaitLog();
        assertThat(log()).contains("app 1.4.0 NOT installed: SHA-256 " + pkg.content().sha256().toUpperCase())
                .contains("does not match");
        assertThat(Files.readString(app.resolve("version.txt")).trim()).isEqualTo("1.0");
        assertThat(app.resolve("app.pkg")).doesNotExist();
        try (var staged = Files.list(app.resolve(".staging"))) {
            assertThat(staged.toList()).as("the bad package is deleted").isEmpty();
        }
        assertThat(dir.resolve("restarted")).doesNotExist();
    }

    @Test
    void aDownloadCutByAServiceCrashResumesAndInstallsWhenTheServiceRunsAgain() throws Exception {
        Resource pkg = server.resource("/slow.pkg").generated(3_000_000).slow(500_000);
        String url = manifest("slow", "/slow.pkg", pkg.content().sha256());

        HostProcess.Run r = user.run(updateArgs("ps1", url));
        assertThat(r.code()).as(r.all()).isZero();
        // Each poll starts a host as the user; on a loaded 2-core machine that alone can take seconds.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HostProcess.Run bytes = user.run("-Command", "(Get-BitsTransfer).BytesTransferred");
            assertThat(bytes.out().trim()).as(bytes.all()).matches("[1-9]\\d*");
        });
        // The job moves in the detached per-user service once the starting host has handed it over.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !user.services().isEmpty());
        List<ProcessHandle> services = user.services();
        services.forEach(ProcessHandle::destroyForcibly); // the "reboot": no clean shutdown
        for (ProcessHandle s : services) {
            s.onExit().get();
        }
        assertThat(log()).isEmpty();

        HostProcess.Run after = user.run(updateArgs("ps1", url));
        assertThat(after.out()).as(after.all()).contains("The update to app 1.4.0 is already under way");
        // The service starts again (as at boot) and picks the job up where it stopped.
        HostProcess.Run started = user.run("-Engine", "User", "-Command", "$null = Get-BitsTransfer");
        assertThat(started.code()).as(started.all()).isZero();
        awaitLog();
        assertThat(log()).contains("app 1.4.0 installed");
        assertThat(Sha.of(app.resolve("app.pkg"))).isEqualTo(pkg.content().sha256());
    }

    @Test
    void forRootWhoseNotifyProgramNeverRunsTheNextRunInstallsTheDownload() throws Exception {
        Assumptions.assumeTrue(HostProcess.ROOT, "not root: the service-account path needs root");
        Resource pkg = server.resource("/root.pkg").generated(400_000);
        String url = manifest("root", "/root.pkg", pkg.content().sha256());
        HostProcess root = new HostProcess(dir, dir);
        String[] args = {samples().resolve("Update-App.ps1").toString(), "-ManifestUrl", url, "-InstallDir", app.toString(),
                "-AppName", "app", "-Launcher", "/nonexistent/drizzle"};

        HostProcess.Run first = root.drizzle(args);
        assertThat(first.code()).as(first.all()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                root.command("(Get-BitsTransfer).JobState").out().trim().equals("Transferred"));
        assertThat(log()).as("no notify program runs for root").isEmpty();

        HostProcess.Run second = root.drizzle(args);
        assertThat(second.code()).as(second.all()).isZero();
        assertThat(second.out()).contains("Installing the downloaded update to app 1.4.0");
        assertThat(log()).contains("app 1.4.0 installed");
        assertThat(Sha.of(app.resolve("app.pkg"))).isEqualTo(pkg.content().sha256());
        assertThat(root.command("@(Get-BitsTransfer).Count").out().trim()).isEqualTo("0");
    }
}
