package org.drizzle.engine.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * Counters fed by the engine's job events (every user's jobs, on the event bus's one
 * dispatcher thread): each snapshot is compared with the job's previous one, so coalesced
 * progress still adds up. A job already in the store when the service started counts from
 * where it was then. Labels are fixed words and HRESULTs, never names or URLs.
 */
final class JobCounters implements JobListener {
    private final Counter bytes = Counter.builder().name("drizzle_transferred_bytes_total")
            .help("Bytes transferred by jobs (uploads count the bytes sent, reply bytes count as download)")
            .labelNames("direction", "priority").build();
    private final Counter files = Counter.builder().name("drizzle_files_transferred_total")
            .help("Files whose transfer finished").build();
    private final Counter errors = Counter.builder().name("drizzle_transfer_errors_total")
            .help("Job errors by HRESULT (0x%08X) and whether the job retries (TRANSIENT_ERROR)")
            .labelNames("hresult", "transient").build();
    private final Counter retries = Counter.builder().name("drizzle_retries_total")
            .help("Jobs that left TRANSIENT_ERROR to try again").build();
    /** The last snapshot seen of each unfinished job (dispatcher thread only). */
    private final Map<JobId, Seen> seen = new HashMap<>();

    private record Seen(JobState state, long bytes, long replyBytes, int files, int errorCount) {
        static Seen of(JobInfo j) {
            return new Seen(j.state(), j.progress().bytesTransferred(),
                    j.replyProgress() == null ? 0 : j.replyProgress().bytesTransferred(),
                    j.progress().filesTransferred(), j.errorCount());
        }
    }

    void register(PrometheusRegistry registry) {
        for (Priority p : Priority.values()) {
            bytes.initLabelValues("download", label(p));
            bytes.initLabelValues("upload", label(p));
        }
        registry.register(bytes);
        registry.register(files);
        registry.register(errors);
        registry.register(retries);
    }

    @Override
    public void onEvent(JobEvent event) {
        JobInfo job = event.job();
        Seen now = Seen.of(job);
        Seen before = job.state().isFinal() ? seen.remove(job.id()) : seen.put(job.id(), now);
        if (before == null) {
            return;
        }
        String priority = label(job.priority());
        String direction = job.type() == JobType.DOWNLOAD ? "download" : "upload";
        // A restart from zero (changed resource) shrinks the count: only growth is traffic.
        if (now.bytes() > before.bytes()) {
            bytes.labelValues(direction, priority).inc(now.bytes() - before.bytes());
        }
        if (now.replyBytes() > before.replyBytes()) {
            bytes.labelValues("download", priority).inc(now.replyBytes() - before.replyBytes());
        }
        if (now.files() > before.files()) {
            files.inc(now.files() - before.files());
        }
        if (now.errorCount() > before.errorCount() && job.error() != null) {
            errors.labelValues(hresult(job.error().code()),
                    Boolean.toString(job.state() == JobState.TRANSIENT_ERROR)).inc();
        }
        if (before.state() == JobState.TRANSIENT_ERROR && now.state().isActive()
                || before.state() == JobState.TRANSIENT_ERROR && now.state() == JobState.QUEUED) {
            retries.inc();
        }
    }

    static String hresult(int code) {
        return String.format(Locale.ROOT, "0x%08X", code);
    }

    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
