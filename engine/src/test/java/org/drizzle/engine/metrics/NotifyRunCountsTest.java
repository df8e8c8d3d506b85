package org.drizzle.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.notify.SystemEvent;
import org.junit.jupiter.api.Test;

/** The notify outcome counts pass every entry on to the real log and count only notify runs. */
class NotifyRunCountsTest {

    @Test
    void countsNotifyOutcomesAndForwardsEverything() throws Exception {
        List<SystemEvent> logged = new ArrayList<>();
        NotifyRunCounts counts = new NotifyRunCounts((event, job, message) -> logged.add(event));
        counts.record(SystemEvent.NOTIFY_COMMAND_RAN, null, "ran");
        counts.record(SystemEvent.NOTIFY_COMMAND_RAN, null, "ran");
        counts.record(SystemEvent.NOTIFY_COMMAND_FAILED, null, "failed");
        counts.record(SystemEvent.ACCESS_REFUSED, null, "refused");
        assertThat(logged).containsExactly(SystemEvent.NOTIFY_COMMAND_RAN, SystemEvent.NOTIFY_COMMAND_RAN,
                SystemEvent.NOTIFY_COMMAND_FAILED, SystemEvent.ACCESS_REFUSED);

        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(counts.runs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("drizzle_notify_runs_total{outcome=\"succeeded\"} 2.0")
                .contains("drizzle_notify_runs_total{outcome=\"failed\"} 1.0");
    }
}
