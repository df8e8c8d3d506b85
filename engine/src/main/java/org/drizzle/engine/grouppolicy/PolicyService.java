package org.drizzle.engine.grouppolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.api.EffectivePolicy;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.policy.FleetPolicySource;
import org.drizzle.policy.PolicyEvaluator;
import org.drizzle.policy.PolicyFileSource;
import org.drizzle.policy.PolicyManager;
import org.drizzle.policy.PolicyProvider;
import org.drizzle.policy.PolicyRejectedException;
import org.drizzle.policy.PolicySnapshot;
import org.drizzle.policy.PolicySource;
import org.drizzle.policy.RegistryPolicySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's view of Group Policy: owns the layered sources (defaults, JSON file, registry on
 * Windows, fleet URL), keeps the current {@link PolicyEvaluator}, supplies {@link JobLimits},
 * and tells listeners (governor, run conditions, scheduler) whenever the effective policy
 * changes or the wall clock reaches a schedule boundary (within a second of it).
 */
public final class PolicyService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyService.class);

    private final PolicyManager manager;
    private final ZoneId zone;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile PolicyEvaluator evaluator;
    /** The job limits last read, with the policy they were read from. */
    private volatile Limits limits;
    private volatile Instant nextBoundary;

    /** @param clock wall time (its zone is the zone schedules are read in) */
    public PolicyService(PolicyManager manager, Clock clock) {
        this.manager = manager;
        this.clock = clock;
        this.zone = clock.getZone();
        this.evaluator = new PolicyEvaluator(manager.current(), zone);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drizzle-policy-boundary");
            t.setDaemon(true);
            return t;
        });
        manager.addListener(snapshot -> changed());
    }

    /**
     * The machine's sources in layering order: the policy file ({@link PolicyLocations}), the
     * registry on Windows, then the fleet URL when the file or registry names one in
     * Drizzle\FleetPolicyUrl (read once here: a new URL takes effect at the next start).
     */
    public static PolicyService forMachine() {
        List<PolicyProvider> providers = new ArrayList<>();
        providers.add(new PolicyFileSource(PolicyLocations.policyFile()));
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            providers.add(new RegistryPolicySource());
        }
        String url = fleetUrl(providers);
        if (url != null) {
            try {
                providers.add(new FleetPolicySource(URI.create(url), PolicyLocations.fleetCache()));
            } catch (IllegalArgumentException e) {
                LOG.error("Drizzle\\FleetPolicyUrl {} ignored: {}", url, e.getMessage());
            }
        }
        return new PolicyService(new PolicyManager(providers), Clock.systemDefaultZone());
    }

    private static String fleetUrl(List<PolicyProvider> providers) {
        String url = null;
        for (PolicyProvider p : providers) {
            try {
                String v = PolicySnapshot.of(List.of(p.load())).fleetPolicyUrl();
                url = v != null ? v : url;
            } catch (PolicyRejectedException e) {
                // The manager reports the rejection when it loads the source; only the URL is lost here.
                LOG.debug("{}; no fleet URL read from it", e.getMessage());
            }
        }
        return url;
    }

    /** Loads every source, starts change detection and the boundary timer. */
    public PolicyService start() {
        manager.start();
        changed();
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /** Loads every source once without watching or timers: a snapshot for one-shot readers. */
    public PolicyService load() {
        manager.load();
        changed();
        return this;
    }

    /** The sources rejected now, each with its problem (Test-BitsPolicy warns with them). */
    public Map<PolicySource, String> rejections() {
        return manager.rejections();
    }

    public Clock clock() {
        return clock;
    }

    public PolicySnapshot current() {
        return evaluator.policy();
    }

    /** What Get-BitsPolicy shows: the values in force with their sources, and the sources rejected now. */
    public EffectivePolicy effective() {
        List<EffectivePolicy.Value> values = new ArrayList<>();
        current().configured().forEach((key, setting) ->
                values.add(new EffectivePolicy.Value(key.path(), setting.value(), setting.source().displayName())));
        List<EffectivePolicy.Rejection> rejections = new ArrayList<>();
        manager.rejections().forEach((source, problem) ->
                rejections.add(new EffectivePolicy.Rejection(source.displayName(), problem)));
        return new EffectivePolicy(values, rejections);
    }

    /** The evaluator for the policy in force now. */
    public PolicyEvaluator evaluator() {
        return evaluator;
    }

    /** Called (on a policy thread) after every effective change and at every schedule boundary. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** MaxJobsPerUser/Machine, MaxFilesPerJob, MaxRangesPerFile, JobInactivityTimeout, MaxDownloadTime now. */
    public JobLimits jobLimits() {
        PolicySnapshot now = current();
        Limits seen = limits;
        if (seen == null || seen.from() != now) {
            // Every job snapshot asks for these (a listing of 10 000 jobs): read them once per policy.
            seen = new Limits(now, toJobLimits(now));
            limits = seen;
        }
        return seen.limits();
    }

    public static JobLimits toJobLimits(PolicySnapshot p) {
        return new JobLimits(p.maxJobsPerUser().value(), p.maxJobsPerMachine().value(), p.maxFilesPerJob().value(),
                p.maxRangesPerFile().value(), p.jobInactivityTimeout().value(), p.maxDownloadTime().value(),
                p.startSpread().value());
    }

    /** Re-reads the policy under the lock, then tells the listeners outside it. */
    private void changed() {
        synchronized (this) {
            evaluator = new PolicyEvaluator(manager.current(), zone);
            nextBoundary = evaluator.nextBoundaryAfter(clock.instant());
        }
        assert !Thread.holdsLock(this);
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("policy listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Checks once a second whether the wall clock has reached the next schedule edge. Polling
     * the clock, rather than sleeping until the edge, keeps edges exact across suspend/resume
     * and clock changes (and lets tests move an injected clock).
     */
    private void tick() {
        Instant next = nextBoundary;
        if (next != null && !clock.instant().isBefore(next)) {
            changed();
        }
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        manager.close();
    }

    private record Limits(PolicySnapshot from, JobLimits limits) {
    }
}
