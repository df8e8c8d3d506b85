package org.drizzle.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.idle.BandwidthReporter;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.notify.EventBus;
import org.drizzle.engine.schedule.JobLifecycle;
import org.drizzle.engine.schedule.Scheduler;
import org.drizzle.engine.schedule.TempFiles;
import org.drizzle.engine.schedule.TransferWorker;
import org.drizzle.engine.store.JobStore;
import org.drizzle.engine.store.JobTable;
import org.drizzle.engine.transfer.Transport;
import org.drizzle.engine.transfer.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine in this process: a store, the scheduler running its jobs, and
 * {@link EngineClient}s bound to callers. {@link #open} recovers what a crash left (temp files
 * cut back to their recorded length, jobs that were transferring queued again) before the
 * scheduler starts; {@link #close} stops in a fixed order (scheduler and transfers at a
 * durable point, then events, then the store), each step with a timeout.
 */
public final class LocalEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

    private final EngineConfig config;
    private final JobStore store;
    private final EventBus events;
    private final JobTable table;
    private final JobLifecycle lifecycle;
    private final TempFiles tempFiles;
    private final Scheduler scheduler;
    private final List<Transport> transports;
    private volatile boolean closed;
    private volatile BandwidthReporter bandwidth = BandwidthReporter.NONE;
    private volatile PolicyService policy;

    private LocalEngine(EngineConfig config, JobStore store) {
        this.config = config;
        this.store = store;
        this.events = new EventBus(config.clock(), config.notificationInterval());
        this.tempFiles = new TempFiles(config.impersonator());
        this.transports = config.transports() != null ? config.transports() : Transports.defaults(config.throttle(), config.impersonator());
        this.table = new JobTable(store, events, j -> j.toInfo(config.limits().get().maxDownloadTime(), 0));
        this.lifecycle = new JobLifecycle(table, config.clock(), config.limits(), config.impersonator(), tempFiles,
                job -> UploadCancels.sendAndWait(transports, store, job));
        this.scheduler = new Scheduler(lifecycle, config.clock(), config.scheduler(), config.runConditions(),
                config.limits(), tempFiles, (t, s) -> new TransferWorker(t, s, transports,
                        config.impersonator(), config.throttle()));
        lifecycle.attach(scheduler);
        table.snapshotter(j -> j.toInfo(config.limits().get().maxDownloadTime(), scheduler.rate(j.id())));
    }

    /** Opens the store in the configured folder, recovers it, and starts scheduling. */
    public static LocalEngine open(EngineConfig config) throws IOException {
        return open(config, OpenedStore.open(config.storeFolder()));
    }

    /** As {@link #open(EngineConfig)} on a store already opened in the configured folder (closed if this fails). */
    static LocalEngine open(EngineConfig config, OpenedStore opened) throws IOException {
        LocalEngine engine;
        try {
            engine = new LocalEngine(config, opened.store());
            engine.recover(opened.jobs());
        } catch (IOException | RuntimeException e) {
            opened.store().close();
            throw e;
        }
        engine.scheduler.start();
        return engine;
    }

    /** Opens an engine whose one client owns it: closing the client closes the engine. */
    public static EngineClient openClient(EngineConfig config, Principal caller) throws IOException {
        LocalEngine engine = open(config);
        return new LocalClient(engine, caller, true);
    }

    /**
     * Start-up recovery. Unfinished download files: temp file truncated to the recorded
     * length (bytes after the last checkpoint may be garbage). A completed file whose temp is
     * gone but whose final name holds the full length was renamed by a Complete that crashed
     * before its commit: it counts as committed. CONNECTING/TRANSFERRING jobs go back to
     * QUEUED. Final jobs not yet swept (their end was cut short by a crash) lose any temp file
     * it left behind, and are marked swept once none is left, so later starts leave them on disk.
     */
    private void recover(List<Job> jobs) throws IOException {
        Instant now = config.clock().instant();
        for (Job job : jobs) {
            boolean changed = adoptCrashedCommits(job);
            if (job.state().isFinal()) {
                if (tempFiles.delete(job, job.state() == JobState.ACKNOWLEDGED) == 0) {
                    store.markSwept(job.id());
                }
                continue;
            }
            changed |= tempFiles.recover(job);
            if (job.state().isActive()) {
                job.transition(JobState.QUEUED, now);
                changed = true;
            }
            if (changed) {
                store.save(job, null);
            }
        }
        table.load(jobs);
        LOG.info("job store {} opened: {} jobs", store.file(), jobs.size());
    }

    private boolean adoptCrashedCommits(Job job) {
        boolean changed = false;
        for (JobFile f : job.files()) {
            if (f.completed() && !f.committed() && f.temporaryName() != null) {
                try {
                    boolean renamed = config.impersonator().runAs(job.owner(), () ->
                            !Files.exists(Path.of(f.temporaryName())) && Files.isRegularFile(Path.of(f.localName()))
                                    && Files.size(Path.of(f.localName())) == f.bytesTotal());
                    if (renamed) {
                        f.committed(true);
                        changed = true;
                    }
                } catch (IOException e) {
                    LOG.warn("job {}: cannot check {}: {}", job.id(), LogText.of(f.localName()), LogText.of(e.getMessage()));
                }
            }
        }
        return changed;
    }

    /** A client acting for {@code caller}; closing it releases only its subscriptions. */
    public EngineClient client(Principal caller) {
        return new LocalClient(this, caller, false);
    }

    /**
     * Where {@link EngineClient#bandwidth()} reads the estimator and policy limits from; the
     * assembly sets it once its parts run. Without it the report has no interfaces.
     */
    public void bandwidthReporter(BandwidthReporter reporter) {
        this.bandwidth = Objects.requireNonNull(reporter, "reporter");
    }

    BandwidthReporter bandwidthReporter() {
        return bandwidth;
    }

    /** The policy sources this engine enforces (the assembly sets them); Get-BitsPolicy reads them. */
    public void policyService(PolicyService service) {
        this.policy = Objects.requireNonNull(service, "service");
    }

    PolicyService policyService() {
        return policy;
    }

    EngineConfig config() {
        return config;
    }

    Clock clock() {
        return config.clock();
    }

    /** The job table, for tests and diagnostics to read; every change goes through {@link #lifecycle()}. */
    public JobTable table() {
        return table;
    }

    /** The one owner of job changes (LocalClient's triggers, the scheduler's, the workers'). */
    public JobLifecycle lifecycle() {
        return lifecycle;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    EventBus events() {
        return events;
    }

    boolean isAdmin(Principal p) {
        return config.admin().test(p);
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Stops in order: the scheduler (every transfer asked to stop at its next buffer boundary;
     * jobs go back to QUEUED, waiting up to the stop timeout), then event delivery (queued
     * events flushed for up to 2 s), then the store. Overruns are logged, not fatal.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long t0 = System.nanoTime();
        scheduler.close();
        LOG.debug("scheduler stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        events.close(Duration.ofSeconds(2));
        lifecycle.closeStore();
        for (Transport t : transports) {
            if (t instanceof AutoCloseable c && config.transports() == null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing transport {}: {}", t, e.getMessage());
                }
            }
        }
    }
}
