package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service defaults, service.json and the command line. */
class ServiceConfigTest {

    @Test
    void machineDefaultsAreTheFhsPaths() {
        ServiceConfig c = ServiceConfig.defaults(ServiceMode.MACHINE);
        assertThat(c.storeDir()).isEqualTo(Path.of("/var/lib/drizzle"));
        assertThat(c.socket()).isEqualTo(Path.of("/run/drizzle/drizzle.sock"));
        assertThat(c.configDir()).isEqualTo(Path.of("/etc/drizzle"));
        assertThat(c.sessionSource()).isEqualTo("auto");
        assertThat(ServiceConfig.defaults(ServiceMode.USER).sessionSource()).isEqualTo("none");
    }

    @Test
    void serviceJsonOverridesAndBadValuesAreNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("service.json"),
                "{\"adminGroups\":[\"wheel\"],\"allowWithoutSession\":[\"ci\"],\"sessionSource\":\"utmp\",\"notifyTimeLimitSeconds\":60,\"idleExitSeconds\":0}");
        ServiceConfig c = ServiceConfig.defaults(ServiceMode.MACHINE).withPaths(dir, dir.resolve("s"), dir).withFileSettings();
        assertThat(c.adminGroups()).containsExactly("wheel");
        assertThat(c.allowWithoutSession()).containsExactly("ci");
        assertThat(c.sessionSource()).isEqualTo("utmp");
        assertThat(c.notifyTimeLimit().toSeconds()).isEqualTo(60);
        assertThat(c.idleExit()).isNull();
        assertThat(ServiceConfig.defaults(ServiceMode.USER).idleExit()).isEqualTo(java.time.Duration.ofMinutes(10));

        Files.writeString(dir.resolve("service.json"), "{\"sessionSource\":\"wtmp\"}");
        assertThatThrownBy(() -> ServiceConfig.defaults(ServiceMode.MACHINE).withPaths(dir, dir, dir).withFileSettings())
                .hasMessageContaining("'wtmp'");
        Files.writeString(dir.resolve("service.json"), "{\"adminGroup\":\"x\"}");
        assertThatThrownBy(() -> ServiceConfig.defaults(ServiceMode.MACHINE).withPaths(dir, dir, dir).withFileSettings())
                .hasMessageContaining("adminGroup");
    }

    @Test
    void connectionLimitsComeFromServiceJsonWithSaneDefaults(@TempDir Path dir) throws Exception {
        assertThat(ServiceConfig.defaults(ServiceMode.MACHINE).limits()).isEqualTo(ServiceLimits.DEFAULTS);
        Files.writeString(dir.resolve("service.json"), "{\"maxFrameBytes\":65536,\"helloTimeoutSeconds\":2,"
                + "\"frameTimeoutSeconds\":3,\"maxConnectionsPerUser\":4,\"maxConnections\":40}");
        ServiceLimits l = ServiceConfig.defaults(ServiceMode.MACHINE).withPaths(dir, dir, dir).withFileSettings().limits();
        assertThat(l).isEqualTo(new ServiceLimits(65536, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(3), 4, 40));
        Files.writeString(dir.resolve("service.json"), "{\"maxConnectionsPerUser\":0}");
        assertThatThrownBy(() -> ServiceConfig.defaults(ServiceMode.MACHINE).withPaths(dir, dir, dir).withFileSettings())
                .hasMessageContaining("maxConnectionsPerUser 0");
        Files.writeString(dir.resolve("service.json"), "{\"frameTimeoutSeconds\":0}");
        assertThatThrownBy(() -> ServiceConfig.defaults(ServiceMode.MACHINE).withPaths(dir, dir, dir).withFileSettings())
                .hasMessageContaining("frameTimeoutSeconds");
    }

    @Test
    void commandLineOptionsAreChecked(@TempDir Path dir) throws Exception {
        ServiceConfig c = ServiceMain.configFrom(new String[] {"run", "--user", "--socket", dir.resolve("x.sock").toString(),
                "--store", dir.toString(), "--config", dir.toString(), "--session-source", "utmp"});
        assertThat(c.mode()).isEqualTo(ServiceMode.USER);
        assertThat(c.socket()).isEqualTo(dir.resolve("x.sock"));
        assertThat(c.sessionSource()).isEqualTo("utmp");
        assertThatThrownBy(() -> ServiceMain.configFrom(new String[] {"run", "--bogus"})).hasMessageContaining("'--bogus'");
        assertThatThrownBy(() -> ServiceMain.configFrom(new String[] {"run", "--socket"})).hasMessageContaining("--socket needs a value");
        assertThatThrownBy(() -> ServiceMain.configFrom(new String[] {"run", "--idle-exit", "soon"})).hasMessageContaining("'soon'");
        assertThat(ServiceMain.run(new String[] {"status", "--socket", dir.resolve("none.sock").toString()},
                System.out, System.err)).isEqualTo(3);
        assertThat(ServiceMain.run(new String[] {"dance"}, System.out, System.err)).isEqualTo(2);
        ServiceConfig home = ServiceMain.homeDefaults(ServiceConfig.defaults(ServiceMode.USER), dir.toString());
        assertThat(home.socket()).isEqualTo(dir.resolve("user.sock"));
        assertThat(home.storeDir()).isEqualTo(dir.resolve("store"));
    }
}
