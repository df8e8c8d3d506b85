package org.drizzle.engine.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.notify.SystemEvent;
import org.drizzle.engine.notify.SystemLog;

/**
 * The service's system log, counting on the way what the notify runner reports about each
 * notify command run: {@code drizzle_notify_runs_total{outcome="succeeded"|"failed"}} (a program
 * killed at its time limit counts as failed).
 */
public final class NotifyRunCounts implements SystemLog {
    private final SystemLog inner;
    final Counter runs = Counter.builder().name("drizzle_notify_runs_total")
            .help("Notify command lines run for jobs (SetNotifyCmdLine), by outcome").labelNames("outcome").build();

    public NotifyRunCounts(SystemLog inner) {
        this.inner = inner;
        runs.initLabelValues("succeeded");
        runs.initLabelValues("failed");
    }

    @Override
    public void record(SystemEvent event, JobInfo job, String message) {
        if (event == SystemEvent.NOTIFY_COMMAND_RAN) {
            runs.labelValues("succeeded").inc();
        } else if (event == SystemEvent.NOTIFY_COMMAND_FAILED) {
            runs.labelValues("failed").inc();
        }
        inner.record(event, job, message);
    }

    @Override
    public void close() {
        inner.close();
    }
}
