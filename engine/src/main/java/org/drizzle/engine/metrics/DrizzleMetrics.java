package org.drizzle.engine.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.engine.idle.BandwidthReporter;
import org.drizzle.engine.store.JobTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Prometheus metrics (docs/metrics.md), built with the Prometheus Java client:
 * one private registry holding the {@link JobCounters} fed by job events, the
 * {@link EngineGauges} read at scrape time and the notify-run counts; served at
 * {@code http://address/metrics} by the client's HTTP server and/or rewritten to a node_exporter
 * textfile every {@link #TEXTFILE_INTERVAL} (and once more at close).
 */
public final class DrizzleMetrics implements AutoCloseable {
    /** How often the textfile is rewritten (node_exporter scrapes usually every 15-60 s). */
    public static final Duration TEXTFILE_INTERVAL = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(DrizzleMetrics.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final JobCounters counters = new JobCounters();
    private HTTPServer server;
    private TextfileWriter textfile;
    private ScheduledExecutorService writer;

    private DrizzleMetrics() {
    }

    /**
     * Registers every metric and starts what {@code settings} asks for. {@code bandwidth},
     * {@code policy} and {@code notifyRuns} may be null (their metrics are then absent). Fails
     * with an IOException naming the address when it cannot be listened on.
     */
    public static DrizzleMetrics start(MetricsSettings settings, JobTable table, BandwidthReporter bandwidth,
                                       PolicyService policy, NotifyRunCounts notifyRuns) throws IOException {
        DrizzleMetrics m = new DrizzleMetrics();
        m.counters.register(m.registry);
        new EngineGauges(table, bandwidth, policy).register(m.registry);
        if (notifyRuns != null) {
            m.registry.register(notifyRuns.runs);
        }
        try {
            m.open(settings);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    private void open(MetricsSettings settings) throws IOException {
        if (settings.address() != null) {
            try {
                server = HTTPServer.builder().inetAddress(settings.address().getAddress())
                        .port(settings.address().getPort()).registry(registry).buildAndStart();
            } catch (IOException e) {
                throw new IOException("The metrics address " + settings.addressText() + " (metricsAddress) cannot be used: "
                        + (e.getMessage() == null ? "it is not available" : e.getMessage()), e);
            }
            LOG.info("Prometheus metrics at http://{}/metrics{}", settings.addressText(),
                    settings.address().getAddress().isLoopbackAddress() ? "" : " (not loopback: reachable from the network)");
        }
        if (settings.textfile() != null) {
            textfile = new TextfileWriter(settings.textfile(), registry);
            try {
                textfile.write();
            } catch (IOException e) {
                throw new IOException("The metrics textfile " + settings.textfile() + " (metricsTextfile) cannot be written: "
                        + e.getMessage(), e);
            }
            writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drizzle-metrics-textfile");
                t.setDaemon(true);
                return t;
            });
            writer.scheduleWithFixedDelay(this::writeTextfile, TEXTFILE_INTERVAL.toMillis(), TEXTFILE_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.info("Prometheus metrics written to {} every {} s", settings.textfile(), TEXTFILE_INTERVAL.toSeconds());
        }
    }

    /** Subscribe this to every user's job events. */
    public JobListener jobListener() {
        return counters;
    }

    /** The port the HTTP endpoint listens on, or -1 without one. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    /** The registry, for in-process readers. */
    public PrometheusRegistry registry() {
        return registry;
    }

    private void writeTextfile() {
        try {
            textfile.write();
        } catch (IOException | RuntimeException e) {
            LOG.warn("metrics textfile {} not written: {}", textfile.file(), e.getMessage());
        }
    }

    /** Stops the endpoint; the textfile gets a last write (the counts at stop). */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (writer != null) {
            writer.shutdownNow();
            writeTextfile();
        }
    }
}
