package org.drizzle.engine;

import com.sun.jna.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.bandwidth.AllowanceSource;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.grouppolicy.PolicyEnforcement;
import org.drizzle.engine.grouppolicy.PolicyLocations;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.identity.SessionPolicy;
import org.drizzle.engine.idle.BackgroundSocketTuner;
import org.drizzle.engine.idle.BandwidthReporter;
import org.drizzle.engine.idle.DelaySignal;
import org.drizzle.engine.idle.IdleBandwidthEstimator;
import org.drizzle.engine.idle.OwnTraffic;
import org.drizzle.engine.idle.OwnTrafficThrottle;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.metrics.DrizzleMetrics;
import org.drizzle.engine.metrics.MetricsSettings;
import org.drizzle.engine.metrics.NotifyRunCounts;
import org.drizzle.engine.network.InterfaceCounters;
import org.drizzle.engine.network.LinkMonitor;
import org.drizzle.engine.network.NetworkRunCondition;
import org.drizzle.engine.notify.JobEventJournal;
import org.drizzle.engine.notify.LinuxNotifyLauncher;
import org.drizzle.engine.notify.NotifyCommandRunner;
import org.drizzle.engine.notify.NotifyLauncher;
import org.drizzle.engine.notify.SystemLog;
import org.drizzle.engine.transfer.Transport;
import org.drizzle.engine.transfer.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of a product engine: opens a {@link LocalEngine} with Group Policy
 * enforcement, idle-bandwidth throttling and network presence wired in, and closes all of it in
 * a fixed order. Every engine Drizzle runs (embedded in the host, or the service) is opened here.
 *
 * <p>The parts, and how they meet:
 * <ul>
 *   <li>one {@link PolicyEnforcement} (policy sources, network cost, the zero-limit window and
 *       cost run conditions, job limits) whose {@link org.drizzle.engine.bandwidth.Governor}
 *       paces background bytes at min(policy limit, idle allowance);</li>
 *   <li>the {@link IdleBandwidthEstimator} as that governor's allowance source, fed with the
 *       servers of every user's transferring jobs and with Drizzle's own bytes, counted by an
 *       {@link OwnTrafficThrottle} around the governor; off when {@code drizzle.idleBandwidth}
 *       (or {@code DRIZZLE_IDLE_BANDWIDTH}) is {@code false}, leaving policy limits only;</li>
 *   <li>with the estimator, background HTTP connections made by a {@link BackgroundSocketTuner}
 *       (64 KiB receive window, RTT fed to the estimator's delay signal); foreground ones untuned;</li>
 *   <li>the {@link LinkMonitor}'s {@link NetworkRunCondition} (BG_E_NETWORK_DISCONNECTED);</li>
 *   <li>the caller's identity parts: the impersonator and extra conditions (the service's
 *       logged-on rule);</li>
 *   <li>when asked (the service's metricsAddress / metricsTextfile), the Prometheus
 *       {@link DrizzleMetrics}, fed by every user's job events;</li>
 *   <li>the {@link NotifyCommandRunner} that runs jobs' notify command lines as their owners: in
 *       the service with its session monitor, launcher, system log and time limits
 *       ({@link Builder#notifyCommands}), in an embedded engine on Linux as the user running it;
 *       and, when the service gives a system log, the {@link JobEventJournal} of job events.</li>
 * </ul>
 */
public final class EngineAssembly implements AutoCloseable {
    /** System property (or environment variable {@code DRIZZLE_IDLE_BANDWIDTH}) that turns the estimator off. */
    public static final String IDLE_BANDWIDTH_PROPERTY = "drizzle.idleBandwidth";

    /**
     * JVM options a process running an assembled engine should start with: the delay signal
     * reads TCP_INFO from background sockets through JDK internals ({@code SocketOptions});
     * without them that signal is silently missing. bin/drizzle passes the same.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");

    /**
     * Heap options for a long-running service: the serial collector on a small starting heap that
     * gives memory back after a full collection. A service holds little live data (10 000 queued
     * jobs are about 25 MB) but a default heap grows its young generation to a fraction of the
     * machine's memory and keeps every page of it resident. bin/drizzle passes the same.
     */
    public static final List<String> SERVICE_HEAP_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40");

    private static final Logger LOG = LoggerFactory.getLogger(EngineAssembly.class);

    /** Who the engine serves. */
    public enum Mode {
        /** Inside the host, as the user running it: no impersonation. */
        EMBEDDED,
        /** The service: one engine for every user of the machine, impersonating job owners. */
        SERVICE
    }

    private final Mode mode;
    /** Started parts, closed in reverse order if opening fails and in {@link #close} otherwise. */
    private final List<AutoCloseable> started = new ArrayList<>();
    private PolicyEnforcement policy;
    private IdleBandwidthEstimator estimator;
    private OwnTraffic ownTraffic;
    private LinkMonitor links;
    private Throttle throttle;
    private LocalEngine engine;
    private DrizzleMetrics metrics;
    private NotifyCommandRunner notify;
    private boolean closed;

    private EngineAssembly(Mode mode) {
        this.mode = mode;
    }

    /** Starts describing an engine on {@code storeFolder} serving as {@code mode}. */
    public static Builder builder(Path storeFolder, Mode mode) {
        return new Builder(storeFolder, mode);
    }

    /**
     * Whether the idle-bandwidth estimator runs: {@code drizzle.idleBandwidth}, else
     * {@code DRIZZLE_IDLE_BANDWIDTH}, else on. Only "true" and "false" are accepted.
     */
    public static boolean idleBandwidthEnabled() {
        String v = System.getProperty(IDLE_BANDWIDTH_PROPERTY);
        String from = "-D" + IDLE_BANDWIDTH_PROPERTY;
        if (v == null || v.isBlank()) {
            v = System.getenv("DRIZZLE_IDLE_BANDWIDTH");
            from = "DRIZZLE_IDLE_BANDWIDTH";
        }
        if (v == null || v.isBlank()) {
            return true;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(from + "=" + v + " is not valid; use true or false.");
        };
    }

    public Mode mode() {
        return mode;
    }

    /** The running engine; hand out clients with {@link LocalEngine#client}. */
    public LocalEngine engine() {
        return engine;
    }

    /** Policy, cost and job limits in force (Get-BitsPolicy reads the same sources). */
    public PolicyEnforcement policy() {
        return policy;
    }

    /** The idle-bandwidth estimator, or null when it is turned off. */
    public IdleBandwidthEstimator estimator() {
        return estimator;
    }

    /** Drizzle's own metered background bytes (null when the estimator is off). */
    public OwnTraffic ownTraffic() {
        return ownTraffic;
    }

    /** The throttle every transport meters background bytes through. */
    public Throttle throttle() {
        return throttle;
    }

    public LinkMonitor links() {
        return links;
    }

    /** The Prometheus metrics, or null when none were asked for. */
    public DrizzleMetrics metrics() {
        return metrics;
    }

    /** The notify command runner, or null when this engine runs none. */
    public NotifyCommandRunner notifyCommands() {
        return notify;
    }

    private void open(Builder b) throws IOException {
        NativeLibraries.useCache();
        // The store (SQLite's library, schema, machine key, the jobs it holds) opens on another thread
        // while the policy, estimator and transports start here: a cold one-shot host waits for both at once.
        CompletableFuture<OpenedStore> store = CompletableFuture.supplyAsync(() -> {
            try {
                return OpenedStore.open(b.storeFolder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread t = new Thread(task, "drizzle-store-open");
            t.setDaemon(true);
            t.start();
        });
        boolean[] handedOver = new boolean[1];
        try {
            openParts(b, store, handedOver);
        } catch (IOException | RuntimeException e) {
            if (!handedOver[0]) {
                store.thenAccept(s -> s.store().close());
            }
            throw e;
        }
    }

    /** Starts every part; {@code handedOver[0]} is set once the engine owns the store (and closes it on failure). */
    private void openParts(Builder b, CompletableFuture<OpenedStore> store, boolean[] handedOver) throws IOException {
        InterfaceCounters os = InterfaceCounters.forThisOs();
        AllowanceSource allowance = AllowanceSource.UNLIMITED;
        BackgroundSocketTuner sockets = null;
        if (b.idleBandwidth) {
            ownTraffic = new OwnTraffic();
            DelaySignal delay = new DelaySignal();
            sockets = new BackgroundSocketTuner(BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER, false, delay);
            estimator = started(new IdleBandwidthEstimator(os, ownTraffic, delay, 0));
            estimator.start();
            allowance = estimator;
        }
        // One governor: the policy's, capped by the estimator's allowance.
        policy = started(PolicyEnforcement.forMachine(allowance));
        throttle = estimator == null ? policy.throttle()
                : new OwnTrafficThrottle(policy.throttle(), ownTraffic, estimator.jobs());
        links = started(new LinkMonitor(os));
        links.start();
        // Background HTTP connections get the tuner's small receive window, so the server slows
        // down with our paced reads, and report their RTT to the delay signal.
        List<Transport> transports = Transports.defaults(throttle, b.impersonator, sockets);
        for (Transport t : transports) {
            if (t instanceof AutoCloseable c) {
                started.add(c);
            }
        }

        EngineConfig.Builder config = EngineConfig.builder(b.storeFolder)
                .impersonator(b.impersonator)
                .throttle(throttle)
                .transports(transports)
                .limits(policy.jobLimits())
                .runCondition(new NetworkRunCondition(links));
        policy.runConditions().forEach(config::runCondition);
        b.runConditions.forEach(config::runCondition);
        b.tweaks.accept(config);
        OpenedStore opened = opened(store);
        handedOver[0] = true;
        engine = started(LocalEngine.open(config.build(), opened));
        BandwidthReporter bandwidth = new BandwidthReporter(estimator, policy.throttle());
        engine.bandwidthReporter(bandwidth);
        engine.policyService(policy.policy());
        if (estimator != null) {
            // Every user's jobs: the estimator maps each transferring job to its server.
            Subscription jobs = engine.events().subscribe(job -> true, estimator.jobs().listener());
            started.add(jobs::close);
        }
        if (b.metrics.enabled()) {
            metrics = started(DrizzleMetrics.start(b.metrics, engine.table(), bandwidth, policy.policy(), b.notifyRuns));
            Subscription counted = engine.events().subscribe(job -> true, metrics.jobListener());
            started.add(counted::close);
        }
        openNotify(b);
        LOG.info("{} engine on {} opened: policy from {}, idle-bandwidth estimator {}", mode, b.storeFolder,
                PolicyLocations.policyFile(), estimator != null ? "on" : "off");
    }

    private static OpenedStore opened(CompletableFuture<OpenedStore> store) throws IOException {
        try {
            return store.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }


    /**
     * Notify command lines and the job-event journal, watching every job through an internal
     * client: the service's is an administrator (it sees every user's jobs), an embedded
     * engine's is its user. Both close before the engine.
     */
    private void openNotify(Builder b) {
        Builder.Notify n = b.notify != null ? b.notify : mode == Mode.EMBEDDED && Platform.isLinux()
                ? Builder.Notify.EMBEDDED : null;
        if (n == null && b.systemLog == SystemLog.NONE) {
            return;
        }
        Principal self = Principal.current();
        EngineClient internal = started(engine.client(mode == Mode.SERVICE
                ? new Principal(self.uid(), self.gid(), self.name(), true) : self));
        if (b.systemLog != SystemLog.NONE) {
            started.add(internal.subscribe(new JobEventJournal(b.systemLog))::close);
        }
        if (n != null) {
            NotifyLauncher launcher = n.launcher != null ? n.launcher : new LinuxNotifyLauncher(self.uid());
            notify = started(new NotifyCommandRunner(id -> lookup(internal, id), n.sessions, launcher, b.systemLog,
                    n.timeLimit, n.retryDelay));
            started.add(internal.subscribe(notify)::close);
        }
    }

    private static JobInfo lookup(EngineClient internal, JobId id) {
        try {
            return internal.getJob(id);
        } catch (BitsException e) {
            if (e.code() == ErrorCodes.BG_E_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private <T extends AutoCloseable> T started(T part) {
        started.add(part);
        return part;
    }

    /**
     * Stops in a fixed order, the reverse of opening: the estimator's job feed, the engine
     * (transfers stop at a durable point, releasing any that wait in the governor), the
     * transports' connection pools, the link monitor, the policy sources, the estimator. Failures are logged and the rest still closes.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", started.get(i), e.toString());
            }
        }
        started.clear();
    }

    /** What to open: store, mode, identity parts and extra settings. */
    public static final class Builder {
        private final Path storeFolder;
        private final Mode mode;
        private Impersonator impersonator = Impersonator.NONE;
        private final List<RunCondition> runConditions = new ArrayList<>();
        private Consumer<EngineConfig.Builder> tweaks = c -> { };
        private boolean idleBandwidth = idleBandwidthEnabled();
        private MetricsSettings metrics = MetricsSettings.OFF;
        private NotifyRunCounts notifyRuns;
        private Notify notify;
        private SystemLog systemLog = SystemLog.NONE;

        /** How notify programs run: who may run one now, how they start, and their time limits. */
        private record Notify(SessionMonitor sessions, NotifyLauncher launcher, Duration timeLimit, Duration retryDelay) {
            /** An embedded engine's: as its user (Linux), no session rule, 5 minutes, the job's retry delay. */
            static final Notify EMBEDDED = new Notify(SessionMonitor.withoutSessions(SessionPolicy.system(Set.of(), Set.of())),
                    null, Duration.ofMinutes(5), null);
        }

        private Builder(Path storeFolder, Mode mode) {
            this.storeFolder = Objects.requireNonNull(storeFolder, "storeFolder");
            this.mode = Objects.requireNonNull(mode, "mode");
        }

        /** How the service acts as a job's owner; an embedded engine already runs as its user. */
        public Builder impersonator(Impersonator i) {
            Objects.requireNonNull(i, "impersonator");
            if (mode == Mode.EMBEDDED && i != Impersonator.NONE) {
                throw new IllegalArgumentException("An embedded engine runs as its user; impersonator " + i
                        + " is for the service.");
            }
            impersonator = i;
            return this;
        }

        /** An extra condition (the service's logged-on rule), checked after network, policy and cost. */
        public Builder runCondition(RunCondition c) {
            runConditions.add(Objects.requireNonNull(c, "runCondition"));
            return this;
        }

        /** Further engine settings (admins, clock, checkpoints, notification interval). */
        public Builder configure(Consumer<EngineConfig.Builder> more) {
            tweaks = tweaks.andThen(Objects.requireNonNull(more, "configure"));
            return this;
        }

        /** Overrides {@link #idleBandwidthEnabled()} for this engine. */
        public Builder idleBandwidth(boolean on) {
            idleBandwidth = on;
            return this;
        }

        /** Publishes Prometheus metrics as {@code settings} says; {@code notifyRuns} (or null) counts notify runs. */
        public Builder metrics(MetricsSettings settings, NotifyRunCounts notifyRuns) {
            this.metrics = Objects.requireNonNull(settings, "metrics");
            this.notifyRuns = notifyRuns;
            return this;
        }

        /**
         * Runs jobs' notify command lines (the service's settings; an embedded engine on Linux
         * runs them as its user without this call).
         *
         * @param sessions   owners without a session get none (BITS runs them in the owner's session)
         * @param launcher   how a program starts as its owner
         * @param timeLimit  a program still running then is killed
         * @param retryDelay after a failed run; null for the job's MinimumRetryDelay
         */
        public Builder notifyCommands(SessionMonitor sessions, NotifyLauncher launcher, Duration timeLimit,
                Duration retryDelay) {
            notify = new Notify(Objects.requireNonNull(sessions, "sessions"), Objects.requireNonNull(launcher, "launcher"),
                    Objects.requireNonNull(timeLimit, "timeLimit"), retryDelay);
            return this;
        }

        /** Where job events and notify outcomes are journalled (the service's system log). */
        public Builder systemLog(SystemLog log) {
            systemLog = Objects.requireNonNull(log, "systemLog");
            return this;
        }

        /** Starts every part and opens the engine; on failure, whatever started is closed again. */
        public EngineAssembly open() throws IOException {
            EngineAssembly assembly = new EngineAssembly(mode);
            try {
                assembly.open(this);
            } catch (IOException | RuntimeException e) {
                assembly.close();
                throw e;
            }
            return assembly;
        }
    }
}
