package org.drizzle.engine.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.grouppolicy.PolicyLocations;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.engine.idle.BandwidthReporter;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.service.Protocol;
import org.drizzle.engine.store.JobTable;
import org.drizzle.policy.PolicySource;
import org.drizzle.policy.Priority;
import org.drizzle.policy.Setting;

/**
 * Gauges read at scrape time from the engine as it is: jobs by state and priority, jobs in
 * the store, the idle-bandwidth allowance per watched interface, the policy sources in force
 * and the build. Interface names come from the kernel; at most {@link #MAX_INTERFACES} are
 * shown, and only names made of safe characters.
 */
final class EngineGauges {
    static final int MAX_INTERFACES = 16;
    private static final int MAX_ETAG = 64;

    private final JobTable table;
    private final BandwidthReporter bandwidth;
    private final PolicyService policy;

    EngineGauges(JobTable table, BandwidthReporter bandwidth, PolicyService policy) {
        this.table = table;
        this.bandwidth = bandwidth;
        this.policy = policy;
    }

    void register(PrometheusRegistry registry) {
        registry.register(GaugeWithCallback.builder().name("drizzle_jobs")
                .help("Jobs of every user by state and priority").labelNames("state", "priority")
                .callback(this::jobs).build());
        registry.register(GaugeWithCallback.builder().name("drizzle_store_jobs")
                .help("Jobs kept in the job store, final ones awaiting purge included")
                .callback(cb -> cb.call(table.size())).build());
        registry.register(GaugeWithCallback.builder().name("drizzle_bandwidth_allowance_bytes_per_second")
                .help("What background jobs may use now on each watched interface (idle-bandwidth estimator)")
                .labelNames("interface", "direction").callback(this::allowances).build());
        registry.register(this::policySources);
        Info build = Info.builder().name("drizzle_build").help("The Drizzle build serving these metrics")
                .labelNames("version", "protocol", "java_version").build();
        build.addLabelValues(version(), Integer.toString(Protocol.VERSION), System.getProperty("java.specification.version"));
        registry.register(build);
    }

    private void jobs(GaugeWithCallback.Callback cb) {
        List<Job> all = table.all();
        Map<JobState, Map<Priority, Integer>> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            Map<Priority, Integer> byPriority = new EnumMap<>(Priority.class);
            for (Priority p : Priority.values()) {
                byPriority.put(p, 0);
            }
            counts.put(s, byPriority);
        }
        for (Job j : all) {
            counts.get(j.state()).merge(j.priority(), 1, Integer::sum);
        }
        counts.forEach((s, byPriority) -> byPriority.forEach((p, n) ->
                cb.call(n, JobCounters.label(s), JobCounters.label(p))));
    }

    private void allowances(GaugeWithCallback.Callback cb) {
        if (bandwidth == null) {
            return;
        }
        int shown = 0;
        for (BandwidthReport.Link link : bandwidth.report(Instant.now(), List.of()).interfaces()) {
            if (shown++ >= MAX_INTERFACES) {
                break;
            }
            if (link.name() != null && link.name().matches("[A-Za-z0-9_.:@-]{1,32}")) {
                cb.call(link.allowance(), link.name(), link.upload() ? "upload" : "download");
            }
        }
    }

    /** drizzle_policy_info{source,etag}: the policy sources setting at least one value, read per scrape. */
    private InfoSnapshot policySources() {
        Set<PolicySource> sources = EnumSet.noneOf(PolicySource.class);
        if (policy != null) {
            for (Setting<Object> s : policy.current().configured().values()) {
                sources.add(s.source());
            }
        }
        if (sources.isEmpty()) {
            sources.add(PolicySource.DEFAULT);
        }
        InfoSnapshot.Builder info = InfoSnapshot.builder().name("drizzle_policy")
                .help("Policy sources setting at least one value; etag is the fleet policy's ETag");
        for (PolicySource s : sources) {
            info.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of(
                    "source", JobCounters.label(s), "etag", s == PolicySource.FLEET ? fleetEtag() : "")).build());
        }
        return info.build();
    }

    /** The fleet policy's ETag as its source cached it, if it is short plain ASCII; else "". */
    private static String fleetEtag() {
        Path tag = PolicyLocations.fleetCache().resolve("fleet-policy.etag");
        try {
            if (Files.size(tag) > MAX_ETAG) {
                return "";
            }
            String etag = Files.readString(tag, StandardCharsets.US_ASCII).trim();
            return etag.matches("[\\x21-\\x7e]{1," + MAX_ETAG + "}") ? etag : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The Maven project version, filtered into build.properties at build time. */
    private static String version() {
        Properties p = new Properties();
        try (InputStream in = EngineGauges.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
