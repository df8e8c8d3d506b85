package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.SystemCommand;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.DrizzleService;
import org.drizzle.engine.service.LocalEngineHost;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.service.ServiceMode;
import org.drizzle.engine.store.secrets.MachineKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile local user against the machine service's store (root-only): the real machine
 * service ({@link DrizzleService}, running as root on a temporary socket and store) holds a job
 * with credentials and a write-only token header, and a real second account ({@code useradd},
 * prefix {@code dzst}) tries to read every file of its store. The files must stay unreadable to
 * it even when an administrator has opened the folder (0755); the next start closes the folder
 * again, and a key file handed to that account stops the service from starting.
 */
class StoreFilesOtherUserTest {
    private Path base;
    private Path store;
    private String user;
    private ServiceConfig config;
    private DrizzleService service;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Principal.current().uid() == 0,
                "skipped: reading the machine store as another account needs root (useradd, runuser)");
        user = "dzst" + HexFormat.of().formatHex(SecureRandom.getSeed(4));
        SystemCommand.run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        base = Files.createTempDirectory("dzst-store");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        store = base.resolve("store");
        config = ServiceConfig.defaults(ServiceMode.MACHINE)
                .withPaths(store, base.resolve("run/drizzle.sock"), base.resolve("etc"))
                .withSessions("none", null, Set.of())
                .withNotify(Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    private void startService() throws IOException {
        service = new DrizzleService(config, LocalEngineHost.factory());
        service.start();
    }

    private void stopService() {
        if (service != null) {
            service.stop();
            service = null;
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        stopService();
        if (user != null) {
            // -f: a process the account ran may not be reaped yet; the account goes regardless.
            new ProcessBuilder("userdel", "-f", user).redirectErrorStream(true).start()
                    .waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (base != null) {
            try (var walk = Files.walk(base)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void anotherAccountCannotReadAnyFileOfTheMachineStore() throws Exception {
        startService();
        try (RemoteEngine c = RemoteEngine.connect(config.socket())) {
            c.createJob("root's job", JobType.DOWNLOAD, new JobOptions()
                    .credentials(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "admin", StoreSecretsSecurityTest.PASSWORD)))
                    .customHeaders(List.of("X-Api-Token: " + StoreSecretsSecurityTest.TOKEN)).customHeadersWriteOnly(true));

            assertThat(asUser("ls", store.toString())).as("listing the 0700 store folder").isNotZero();
            // An administrator opens the folder (or an old install left it 0755): each file still refuses the other account.
            Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(asUser("ls", store.toString())).as("listing the opened folder").isZero();
            for (String name : StoreFileBytes.ALL_FILES) {
                Path file = store.resolve(name);
                if (Files.exists(file)) {
                    assertThat(asUser("cat", file.toString())).as("%s readable by %s", name, user).isNotZero();
                }
            }
            assertThat(StoreFileBytes.modes(store)).containsOnlyKeys(StoreSecretsSecurityTest.privateModes().keySet());
        }
        stopService();
        // The next start closes the folder again.
        startService();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rwx------");
        stopService();

        // A key file handed to another account is refused: that account could have read or replaced it.
        Path key = store.resolve(MachineKey.FILE_NAME);
        SystemCommand.run("chown", user, key.toString());
        assertThatThrownBy(this::startService).isInstanceOf(IOException.class)
                .hasMessageContaining("The store key file " + key + " is refused: it is owned by uid")
                .hasMessageContaining("not by uid 0 that runs this engine");
    }

    /** Runs {@code cmd} as the test account; its exit status (the output is discarded but bounded by the command). */
    private int asUser(String... cmd) throws IOException, InterruptedException {
        String[] full = new String[cmd.length + 4];
        full[0] = "runuser";
        full[1] = "-u";
        full[2] = user;
        full[3] = "--";
        System.arraycopy(cmd, 0, full, 4, cmd.length);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() == 0 && cmd[0].equals("cat")) {
            assertThat(out).doesNotContain(StoreSecretsSecurityTest.TOKEN);
        }
        return p.exitValue();
    }
}
