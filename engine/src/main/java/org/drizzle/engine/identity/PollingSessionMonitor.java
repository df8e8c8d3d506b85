package org.drizzle.engine.identity;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.job.Owner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SessionMonitor} that re-reads a {@link SessionSource} every poll interval and tells
 * its listeners when the set of logged-on users changed. Answers come from the last snapshot,
 * so {@link #isLoggedOn} is cheap and never blocks (RunCondition's contract).
 */
public final class PollingSessionMonitor implements SessionMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(PollingSessionMonitor.class);

    private final SessionSource source;
    private final SessionPolicy policy;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private volatile Sessions current;

    public PollingSessionMonitor(SessionSource source, SessionPolicy policy, Duration interval) {
        this.source = source;
        this.policy = policy;
        this.current = readOrKeep(Sessions.NONE);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drizzle-sessions");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** logind where systemd runs, else utmp. */
    public static SessionSource systemSource() {
        return LogindSessionSource.present()
                ? new LogindSessionSource(LogindSessionSource.DEFAULT_DIR)
                : new UtmpSessionSource(UtmpSessionSource.DEFAULT_FILE);
    }

    @Override
    public boolean isLoggedOn(Owner owner) {
        return policy.exempt(owner.uid(), owner.name()) || current.includes(owner.uid(), owner.name());
    }

    @Override
    public boolean isServiceAccount(Owner owner) {
        return policy.isServiceAccount(owner.uid(), owner.name());
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Re-reads now (also what the timer does). */
    public void poll() {
        Sessions next = readOrKeep(current);
        if (!next.equals(current)) {
            LOG.info("Logged-on users changed: {} -> {}", current.names(), next.names());
            current = next;
            listeners.forEach(Runnable::run);
        }
    }

    public String describe() {
        return source.describe();
    }

    private Sessions readOrKeep(Sessions previous) {
        try {
            return source.read();
        } catch (Exception e) {
            LOG.warn("Could not read sessions from {}: {}", source.describe(), e.toString());
            return previous;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
