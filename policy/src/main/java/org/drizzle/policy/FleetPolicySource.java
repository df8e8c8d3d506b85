package org.drizzle.policy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet policy URL: the same JSON as the policy file, fetched over HTTPS with If-None-Match,
 * re-checked every 90 minutes plus a random 0-30 minutes (Group Policy's refresh interval and
 * offset), and cached on disk so a restart without network keeps the last good policy. Only a
 * document that validates replaces the cache. Plain HTTP is accepted only for loopback hosts.
 */
public final class FleetPolicySource implements PolicyProvider {
    public static final Duration REFRESH = Duration.ofMinutes(90);
    public static final Duration MAX_OFFSET = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(FleetPolicySource.class);

    /** What one fetch did. */
    public enum Outcome { UPDATED, NOT_MODIFIED, REJECTED, FAILED }

    private final URI url;
    private final Path cacheBody;
    private final Path cacheTag;
    private final Random random = new Random();
    private final CloseableHttpClient client;
    private ScheduledExecutorService timer;
    private volatile Runnable changed = () -> { };

    /** @param cacheDir where the last good document and its ETag are kept */
    public FleetPolicySource(URI url, Path cacheDir) {
        if (!"https".equalsIgnoreCase(url.getScheme()) && !("http".equalsIgnoreCase(url.getScheme()) && isLoopback(url))) {
            throw new IllegalArgumentException("fleet policy URL " + url + " must use https");
        }
        this.url = url;
        this.cacheBody = cacheDir.resolve("fleet-policy.json");
        this.cacheTag = cacheDir.resolve("fleet-policy.etag");
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofSeconds(30))
                .setResponseTimeout(Timeout.ofSeconds(30)).build();
        this.client = HttpClients.custom().setDefaultRequestConfig(config).useSystemProperties().build();
    }

    private static boolean isLoopback(URI url) {
        try {
            return url.getHost() != null && InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public PolicySource source() {
        return PolicySource.FLEET;
    }

    @Override
    public String origin() {
        return url.toString();
    }

    /** The cached document (the last good one fetched), or nothing before the first fetch. */
    @Override
    public PolicyLayer load() throws PolicyRejectedException {
        if (!Files.exists(cacheBody)) {
            return PolicyLayer.empty(source(), origin());
        }
        try {
            return JsonPolicyReader.read(Files.readString(cacheBody, StandardCharsets.UTF_8), source(), origin());
        } catch (IOException e) {
            throw new PolicyRejectedException(origin(), List.of("cannot read the cache " + cacheBody + ": " + e));
        }
    }

    @Override
    public synchronized void start(Runnable onChange) {
        this.changed = onChange;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drizzle-policy-fleet-fetch");
            t.setDaemon(true);
            return t;
        });
        timer.execute(this::fetchAndReschedule);
    }

    private void fetchAndReschedule() {
        fetch();
        long delay = REFRESH.toMillis() + (long) (random.nextDouble() * MAX_OFFSET.toMillis());
        ScheduledExecutorService t = timer;
        if (t != null && !t.isShutdown()) {
            t.schedule(this::fetchAndReschedule, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Fetches once now; on a new valid document updates the cache and signals a change. */
    public Outcome fetch() {
        HttpGet get = new HttpGet(url);
        String etag = readTag();
        if (etag != null && Files.exists(cacheBody)) {
            get.addHeader("If-None-Match", etag);
        }
        try {
            return client.execute(get, response -> {
                int status = response.getCode();
                if (status == HttpStatus.SC_NOT_MODIFIED) {
                    return Outcome.NOT_MODIFIED;
                }
                if (status != HttpStatus.SC_OK || response.getEntity() == null) {
                    LOG.warn("Fleet policy {} answered HTTP {}; keeping the cached policy", url, status);
                    return Outcome.FAILED;
                }
                String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                try {
                    PolicySnapshot.of(List.of(JsonPolicyReader.read(body, source(), origin())));
                } catch (PolicyRejectedException e) {
                    LOG.error("{}; the last good fleet policy stays in force", e.getMessage());
                    return Outcome.REJECTED;
                }
                Header tag = response.getFirstHeader("ETag");
                store(body, tag == null ? null : tag.getValue());
                changed.run();
                return Outcome.UPDATED;
            });
        } catch (IOException e) {
            LOG.warn("Fleet policy {} unreachable ({}); keeping the cached policy", url, e.toString());
            return Outcome.FAILED;
        }
    }

    private String readTag() {
        try {
            return Files.exists(cacheTag) ? Files.readString(cacheTag, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes body then tag, each through a temp file and an atomic rename. */
    private void store(String body, String etag) throws IOException {
        Files.createDirectories(cacheBody.getParent());
        write(cacheBody, body);
        if (etag == null) {
            Files.deleteIfExists(cacheTag);
        } else {
            write(cacheTag, etag);
        }
    }

    private static void write(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the fleet client: {}", e.toString());
        }
    }
}
