package org.drizzle.engine.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.drizzle.engine.metrics.MetricsSettings;

/**
 * Where the service keeps its store, socket and configuration, and its identity settings.
 * Defaults: machine mode uses /var/lib/drizzle, /run/drizzle/drizzle.sock and /etc/drizzle;
 * user mode the XDG folders. Every path can be overridden (tests, packagers), and
 * {@code service.json} in the config directory overrides the settings (docs/service.md).
 *
 * @param sessionSource     "auto" (logind if systemd runs, else utmp), "logind", "utmp" or "none" (everyone logged on)
 * @param sessionFile       the utmp file or logind sessions directory to read (null = system default)
 * @param notifyRetryDelay  null = each job's MinimumRetryDelay (tests shorten it)
 * @param idleExit          a per-user service stops after this long with no client and no job
 *                          that needs it (null = never; the machine service never does)
 * @param limits            caps on frames, slow peers and connections per user and in total
 * @param metrics           the Prometheus endpoint and textfile (docs/metrics.md); off by default
 */
public record ServiceConfig(ServiceMode mode, Path storeDir, Path socket, Path configDir,
                            Set<String> adminGroups, Set<String> serviceAccounts, Set<String> allowWithoutSession,
                            String sessionSource, Path sessionFile, Duration sessionPoll,
                            Duration notifyTimeLimit, Duration notifyRetryDelay, Path syslogSocket, Duration idleExit,
                            ServiceLimits limits, MetricsSettings metrics) {

    public static final Path MACHINE_SOCKET = Path.of("/run/drizzle/drizzle.sock");

    public ServiceConfig {
        adminGroups = Set.copyOf(adminGroups);
        serviceAccounts = Set.copyOf(serviceAccounts);
        allowWithoutSession = Set.copyOf(allowWithoutSession);
        limits = limits == null ? ServiceLimits.DEFAULTS : limits;
        metrics = metrics == null ? MetricsSettings.OFF : metrics;
    }

    /** Without metrics. */
    public ServiceConfig(ServiceMode mode, Path storeDir, Path socket, Path configDir,
                         Set<String> adminGroups, Set<String> serviceAccounts, Set<String> allowWithoutSession,
                         String sessionSource, Path sessionFile, Duration sessionPoll,
                         Duration notifyTimeLimit, Duration notifyRetryDelay, Path syslogSocket, Duration idleExit,
                         ServiceLimits limits) {
        this(mode, storeDir, socket, configDir, adminGroups, serviceAccounts, allowWithoutSession, sessionSource,
                sessionFile, sessionPoll, notifyTimeLimit, notifyRetryDelay, syslogSocket, idleExit, limits, null);
    }

    /** The defaults for {@code mode} in this process's environment. */
    public static ServiceConfig defaults(ServiceMode mode) {
        return mode == ServiceMode.MACHINE
                ? base(mode, Path.of("/var/lib/drizzle"), machineSocket(), Path.of("/etc/drizzle"))
                : base(mode, userDataDir(), userSocket(), userConfigDir());
    }

    /** /run/drizzle/drizzle.sock; on Windows the pipe \\.\pipe\drizzle. */
    public static Path machineSocket() {
        return Platform.isWindows() ? Path.of(NamedPipeServer.DEFAULT_PIPE) : MACHINE_SOCKET;
    }

    private static ServiceConfig base(ServiceMode mode, Path store, Path socket, Path config) {
        return new ServiceConfig(mode, store, socket, config, Set.of("drizzle-admin"), Set.of(), Set.of(),
                mode == ServiceMode.MACHINE ? "auto" : "none", null, Duration.ofSeconds(2),
                Duration.ofMinutes(5), null, Path.of("/dev/log"), mode == ServiceMode.USER ? Duration.ofMinutes(10) : null,
                ServiceLimits.DEFAULTS);
    }

    /** $XDG_DATA_HOME/drizzle, else ~/.local/share/drizzle (the embedded engine's store too). */
    public static Path userDataDir() {
        return org.drizzle.engine.EngineConfig.defaultStoreFolder();
    }

    /** $XDG_RUNTIME_DIR/drizzle/drizzle.sock, else the data folder (runtime dirs are not everywhere). */
    public static Path userSocket() {
        if (Platform.isWindows()) {
            return Path.of(NamedPipeServer.DEFAULT_PIPE + "-" + System.getProperty("user.name"));
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "drizzle", "drizzle.sock");
        }
        return userDataDir().resolve("drizzle.sock");
    }

    public static Path userConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("drizzle");
    }

    public ServiceConfig withPaths(Path store, Path sock, Path config) {
        return new ServiceConfig(mode, store, sock, config, adminGroups, serviceAccounts, allowWithoutSession,
                sessionSource, sessionFile, sessionPoll, notifyTimeLimit, notifyRetryDelay, syslogSocket, idleExit, limits, metrics);
    }

    public ServiceConfig withSessions(String source, Path file, Set<String> allowWithout) {
        return new ServiceConfig(mode, storeDir, socket, configDir, adminGroups, serviceAccounts, allowWithout,
                source, file, sessionPoll, notifyTimeLimit, notifyRetryDelay, syslogSocket, idleExit, limits, metrics);
    }

    public ServiceConfig withNotify(Duration timeLimit, Duration retryDelay) {
        return new ServiceConfig(mode, storeDir, socket, configDir, adminGroups, serviceAccounts, allowWithoutSession,
                sessionSource, sessionFile, sessionPoll, timeLimit, retryDelay, syslogSocket, idleExit, limits, metrics);
    }

    /** With another idle exit (null = never). */
    public ServiceConfig withIdleExit(Duration after) {
        return new ServiceConfig(mode, storeDir, socket, configDir, adminGroups, serviceAccounts, allowWithoutSession,
                sessionSource, sessionFile, sessionPoll, notifyTimeLimit, notifyRetryDelay, syslogSocket, after, limits, metrics);
    }

    /** With other connection limits. */
    public ServiceConfig withLimits(ServiceLimits l) {
        return new ServiceConfig(mode, storeDir, socket, configDir, adminGroups, serviceAccounts, allowWithoutSession,
                sessionSource, sessionFile, sessionPoll, notifyTimeLimit, notifyRetryDelay, syslogSocket, idleExit, l, metrics);
    }

    /** The settings file's shape; absent keys keep the defaults. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record FileSettings(Set<String> adminGroups, Set<String> serviceAccounts, Set<String> allowWithoutSession,
                        String sessionSource, String sessionFile, Long notifyTimeLimitSeconds, Long idleExitSeconds,
                        Integer maxFrameBytes, Long helloTimeoutSeconds, Long frameTimeoutSeconds,
                        Integer maxConnectionsPerUser, Integer maxConnections,
                        String metricsAddress, String metricsTextfile) {
        ServiceLimits limits(ServiceLimits base) {
            return new ServiceLimits(maxFrameBytes != null ? maxFrameBytes : base.maxFrameBytes(),
                    helloTimeoutSeconds != null ? Duration.ofSeconds(helloTimeoutSeconds) : base.helloTimeout(),
                    frameTimeoutSeconds != null ? Duration.ofSeconds(frameTimeoutSeconds) : base.frameTimeout(),
                    maxConnectionsPerUser != null ? maxConnectionsPerUser : base.maxConnectionsPerUser(),
                    maxConnections != null ? maxConnections : base.maxConnections());
        }
    }

    /** Applies {@code configDir/service.json} if it exists; a bad file is refused naming the problem. */
    public ServiceConfig withFileSettings() throws IOException {
        Path file = configDir.resolve("service.json");
        if (!Files.isRegularFile(file)) {
            return this;
        }
        FileSettings f;
        try {
            f = Protocol.mapper().copy()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), FileSettings.class);
        } catch (IOException e) {
            throw new IOException(file + " is not valid: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (f.sessionSource() != null && !Set.of("auto", "logind", "utmp", "none").contains(f.sessionSource())) {
            throw new IOException(file + ": sessionSource '" + f.sessionSource() + "' is not one of auto, logind, utmp, none");
        }
        if (f.notifyTimeLimitSeconds() != null && f.notifyTimeLimitSeconds() < 1) {
            throw new IOException(file + ": notifyTimeLimitSeconds " + f.notifyTimeLimitSeconds() + " must be at least 1");
        }
        if (f.idleExitSeconds() != null && f.idleExitSeconds() < 0) {
            throw new IOException(file + ": idleExitSeconds " + f.idleExitSeconds() + " must be 0 (never) or more");
        }
        ServiceLimits fileLimits;
        try {
            fileLimits = f.limits(limits);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        MetricsSettings fileMetrics;
        try {
            fileMetrics = f.metricsAddress() == null && f.metricsTextfile() == null ? metrics
                    : MetricsSettings.parse(f.metricsAddress(), f.metricsTextfile());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Duration idle = f.idleExitSeconds() == null ? idleExit
                : f.idleExitSeconds() == 0 ? null : Duration.ofSeconds(f.idleExitSeconds());
        return new ServiceConfig(mode, storeDir, socket, configDir,
                f.adminGroups() != null ? f.adminGroups() : adminGroups,
                f.serviceAccounts() != null ? f.serviceAccounts() : serviceAccounts,
                f.allowWithoutSession() != null ? f.allowWithoutSession() : allowWithoutSession,
                f.sessionSource() != null ? f.sessionSource() : sessionSource,
                f.sessionFile() != null ? Path.of(f.sessionFile()) : sessionFile, sessionPoll,
                f.notifyTimeLimitSeconds() != null ? Duration.ofSeconds(f.notifyTimeLimitSeconds()) : notifyTimeLimit,
                notifyRetryDelay, syslogSocket, idle, fileLimits, fileMetrics);
    }
}
