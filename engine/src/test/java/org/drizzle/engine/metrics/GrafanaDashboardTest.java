package org.drizzle.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.notify.SystemLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/grafana/drizzle-dashboard.json is valid JSON and queries only metrics the service exposes. */
class GrafanaDashboardTest {
    static final Path DASHBOARD = Path.of("..", "packaging", "grafana", "drizzle-dashboard.json");

    @Test
    void everyQueryNamesAnExposedMetric(@TempDir Path dir) throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("title").asText()).isNotBlank();

        Set<String> exposed = new HashSet<>();
        try (EngineFixture fx = new EngineFixture(dir.resolve("store"));
             DrizzleMetrics metrics = DrizzleMetrics.start(MetricsSettings.OFF, fx.engine.table(), null, null,
                     new NotifyRunCounts(SystemLog.NONE))) {
            for (MetricSnapshot m : metrics.registry().scrape()) {
                String name = m.getMetadata().getPrometheusName();
                exposed.add(m instanceof CounterSnapshot ? name + "_total" : m instanceof InfoSnapshot ? name + "_info" : name);
            }
        }
        assertThat(exposed).contains("drizzle_jobs", "drizzle_transferred_bytes_total", "drizzle_files_transferred_total",
                "drizzle_transfer_errors_total", "drizzle_retries_total", "drizzle_bandwidth_allowance_bytes_per_second",
                "drizzle_policy_info", "drizzle_notify_runs_total", "drizzle_store_jobs", "drizzle_build_info");

        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> queries.add(e.asText()));
        dashboard.path("templating").findValues("definition").forEach(e -> queries.add(e.asText()));
        assertThat(queries).hasSizeGreaterThan(10);
        Set<String> used = new HashSet<>();
        Pattern metric = Pattern.compile("\\bdrizzle_[a-z_]+");
        for (String q : queries) {
            Matcher m = metric.matcher(q);
            assertThat(m.find()).as("query names a Drizzle metric: %s", q).isTrue();
            do {
                assertThat(exposed).as("metric in %s", q).contains(m.group());
                used.add(m.group());
            } while (m.find());
        }
        assertThat(used).as("every metric has a panel").containsAll(exposed);
    }
}
