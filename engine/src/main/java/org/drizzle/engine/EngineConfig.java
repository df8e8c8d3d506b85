package org.drizzle.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.schedule.SchedulerConfig;
import org.drizzle.engine.transfer.Transport;

/**
 * Everything a {@link LocalEngine} is opened with: the store folder, the clock, the scheduler
 * settings, the identity, bandwidth and policy hooks, and the transports. Immutable; made by
 * {@link #builder(Path)}, whose defaults are BITS' (one background slot, 5-minute slices,
 * 500 ms notification interval, policy defaults) and an embedded engine's (no impersonation,
 * no throttle).
 */
public final class EngineConfig {
    private final Path storeFolder;
    private final Clock clock;
    private final SchedulerConfig scheduler;
    private final Duration notificationInterval;
    private final Impersonator impersonator;
    private final Throttle throttle;
    private final List<RunCondition> runConditions;
    private final Supplier<JobLimits> limits;
    private final List<Transport> transports;
    private final Predicate<Principal> admin;

    private EngineConfig(Builder b) {
        this.storeFolder = b.storeFolder;
        this.clock = b.clock;
        this.scheduler = b.scheduler;
        this.notificationInterval = b.notificationInterval;
        this.impersonator = b.impersonator;
        this.throttle = b.throttle;
        this.runConditions = List.copyOf(b.runConditions);
        this.limits = b.limits;
        this.transports = b.transports == null ? null : List.copyOf(b.transports);
        this.admin = b.admin;
    }

    public static Builder builder(Path storeFolder) {
        return new Builder(storeFolder);
    }

    /**
     * The per-user store folder: {@code $XDG_DATA_HOME/drizzle}, else
     * {@code ~/.local/share/drizzle}; {@code %LOCALAPPDATA%\Drizzle} on Windows.
     */
    public static Path defaultStoreFolder() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String local = System.getenv("LOCALAPPDATA");
            if (local != null && !local.isBlank()) {
                return Path.of(local, "Drizzle");
            }
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "drizzle");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "drizzle");
    }

    public Path storeFolder() { return storeFolder; }
    public Clock clock() { return clock; }
    public SchedulerConfig scheduler() { return scheduler; }
    public Duration notificationInterval() { return notificationInterval; }
    public Impersonator impersonator() { return impersonator; }
    public Throttle throttle() { return throttle; }
    public List<RunCondition> runConditions() { return runConditions; }
    public Supplier<JobLimits> limits() { return limits; }
    /** Null: {@link org.drizzle.engine.transfer.Transports#defaults}. */
    public List<Transport> transports() { return transports; }
    public Predicate<Principal> admin() { return admin; }

    /** Builds an {@link EngineConfig}; every setter checks its value and names it when refused. */
    public static final class Builder {
        private final Path storeFolder;
        private Clock clock = Clock.systemUTC();
        private SchedulerConfig scheduler = SchedulerConfig.DEFAULTS;
        private Duration notificationInterval = Duration.ofMillis(500);
        private Impersonator impersonator = Impersonator.NONE;
        private Throttle throttle = Throttle.UNLIMITED;
        private final List<RunCondition> runConditions = new ArrayList<>();
        private Supplier<JobLimits> limits = () -> JobLimits.DEFAULTS;
        private List<Transport> transports;
        private Predicate<Principal> admin = Principal::admin;

        private Builder(Path storeFolder) {
            this.storeFolder = Objects.requireNonNull(storeFolder, "storeFolder");
        }

        public Builder clock(Clock c) {
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder scheduler(SchedulerConfig s) {
            scheduler = Objects.requireNonNull(s, "scheduler");
            return this;
        }

        public Builder foregroundCap(int n) {
            scheduler = scheduler.withSlots(n, scheduler.backgroundSlots());
            return this;
        }

        public Builder backgroundSlots(int n) {
            scheduler = scheduler.withSlots(scheduler.foregroundCap(), n);
            return this;
        }

        public Builder timeSlice(Duration d) {
            scheduler = scheduler.withTimeSlice(d);
            return this;
        }

        public Builder retention(Duration d) {
            scheduler = scheduler.withRetention(d);
            return this;
        }

        public Builder checkpoint(long bytes, Duration interval) {
            scheduler = scheduler.withCheckpoint(bytes, interval);
            return this;
        }

        public Builder notificationInterval(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("notificationInterval " + d + " is negative.");
            }
            notificationInterval = d;
            return this;
        }

        public Builder impersonator(Impersonator i) {
            impersonator = Objects.requireNonNull(i, "impersonator");
            return this;
        }

        public Builder throttle(Throttle t) {
            throttle = Objects.requireNonNull(t, "throttle");
            return this;
        }

        public Builder runCondition(RunCondition c) {
            runConditions.add(Objects.requireNonNull(c, "runCondition"));
            return this;
        }

        public Builder limits(Supplier<JobLimits> l) {
            limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        public Builder transports(List<Transport> t) {
            transports = List.copyOf(t);
            return this;
        }

        public Builder admin(Predicate<Principal> p) {
            admin = Objects.requireNonNull(p, "admin");
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }
    }
}
