package org.drizzle.host.engine;

import com.sun.jna.Platform;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.drizzle.engine.EngineAssembly;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.api.EffectivePolicy;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.identity.SessionPolicy;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.notify.LinuxNotifyLauncher;
import org.drizzle.engine.notify.NotifyCommandRunner;
import org.drizzle.engine.notify.SystemLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine inside the host, on the user's store (locked against a second engine). When the
 * host closes it while jobs are still meant to move (for example after
 * {@code Start-BitsTransfer -Asynchronous}), it hands the store over to a detached per-user
 * service, so those jobs keep transferring after the host exits, as BITS jobs do.
 */
public final class EmbeddedEngine implements EngineClient {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);
    private static final Set<JobState> MOVING = Set.of(JobState.QUEUED, JobState.CONNECTING, JobState.TRANSFERRING,
            JobState.TRANSIENT_ERROR);

    private final EngineLocations where;
    private final EngineAssembly assembly;
    private final EngineClient engine;
    private final boolean handOver;
    private final NotifyCommandRunner notify;
    private final Subscription notifySubscription;

    private EmbeddedEngine(EngineLocations where, EngineAssembly assembly, boolean handOver) {
        this.where = where;
        this.assembly = assembly;
        this.engine = assembly.engine().client(Principal.current());
        this.handOver = handOver;
        // Notify command lines run here too, as this user, while the host runs (the service
        // runs them once the store is handed over).
        if (Platform.isLinux()) {
            this.notify = new NotifyCommandRunner(this::lookup, SessionMonitor.withoutSessions(SessionPolicy.system(Set.of(), Set.of())),
                    new LinuxNotifyLauncher(engine.caller().uid()), SystemLog.NONE, Duration.ofMinutes(5), null);
            this.notifySubscription = engine.subscribe(notify);
        } else {
            this.notify = null;
            this.notifySubscription = null;
        }
    }

    private JobInfo lookup(JobId id) {
        try {
            return engine.getJob(id);
        } catch (BitsException e) {
            return null;
        }
    }

    /**
     * Opens the embedded engine on {@code where.userStore()}.
     *
     * @param handOver start the user service at close if jobs are still moving
     */
    public static EmbeddedEngine open(EngineLocations where, boolean handOver) throws IOException {
        // Policy, idle-bandwidth throttling and network presence, as in the service; the job
        // store refuses a second engine on the same store (naming the holder's pid).
        EngineAssembly assembly = EngineAssembly.builder(where.userStore(), EngineAssembly.Mode.EMBEDDED).open();
        try {
            return new EmbeddedEngine(where, assembly, handOver);
        } catch (RuntimeException e) {
            assembly.close();
            throw e;
        }
    }

    /** Jobs that would stop if nothing ran them after this host exits. */
    boolean hasMovingJobs() {
        return engine.listJobs(false).stream().anyMatch(j -> MOVING.contains(j.state()));
    }

    @Override
    public void close() {
        boolean moving = handOver && hasMovingJobs();
        if (notify != null) {
            notifySubscription.close();
            notify.close();
        }
        engine.close();
        assembly.close();
        if (moving) {
            try {
                if (!DetachedService.start(where, Duration.ofSeconds(10))) {
                    LOG.warn("The per-user Drizzle service did not answer on {}; jobs resume the next time Drizzle runs.",
                            where.userSocket());
                }
            } catch (IOException e) {
                LOG.warn("Could not start the per-user Drizzle service: {}; jobs resume the next time Drizzle runs.",
                        e.getMessage());
            }
        }
    }

    @Override
    public Principal caller() {
        return engine.caller();
    }

    @Override
    public JobInfo createJob(String displayName, JobType type, JobOptions options) {
        return engine.createJob(displayName, type, options);
    }

    @Override
    public JobInfo addFile(JobId id, String remoteName, String localName, List<ByteRange> ranges) {
        return engine.addFile(id, remoteName, localName, ranges);
    }

    @Override
    public JobInfo setProperties(JobId id, JobOptions changes) {
        return engine.setProperties(id, changes);
    }

    @Override
    public JobInfo setRemoteName(JobId id, int fileIndex, String remoteName) {
        return engine.setRemoteName(id, fileIndex, remoteName);
    }

    @Override
    public JobInfo replaceRemotePrefix(JobId id, String oldPrefix, String newPrefix) {
        return engine.replaceRemotePrefix(id, oldPrefix, newPrefix);
    }

    @Override
    public JobInfo resume(JobId id) {
        return engine.resume(id);
    }

    @Override
    public JobInfo suspend(JobId id) {
        return engine.suspend(id);
    }

    @Override
    public CompleteResult complete(JobId id) {
        return engine.complete(id);
    }

    @Override
    public JobInfo cancel(JobId id) {
        return engine.cancel(id);
    }

    @Override
    public JobInfo takeOwnership(JobId id) {
        return engine.takeOwnership(id);
    }

    @Override
    public JobInfo getJob(JobId id) {
        return engine.getJob(id);
    }

    @Override
    public List<JobInfo> listJobs(boolean allUsers) {
        return engine.listJobs(allUsers);
    }

    @Override
    public byte[] getReplyData(JobId id) {
        return engine.getReplyData(id);
    }

    @Override
    public BandwidthReport bandwidth() {
        return engine.bandwidth();
    }

    @Override
    public EffectivePolicy effectivePolicy() {
        return engine.effectivePolicy();
    }

    @Override
    public Subscription subscribe(JobListener listener) {
        return engine.subscribe(listener);
    }
}
