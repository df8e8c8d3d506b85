package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.transfer.UploadSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web-farm affinity ([MC-BUP] BITS-Host-Id): the host an upload talks to. Once Create-Session
 * names a farm node, every later request of the session goes there; after
 * BITS-Host-Id-Fallback-Timeout seconds without reaching the node the upload returns to the
 * original host. The node, its timeout and when it started failing are stored, so the timer
 * spans retries, runs and engine restarts, and stops when the node answers.
 */
final class FarmHost {
    private static final Logger LOG = LoggerFactory.getLogger(FarmHost.class);

    private final UploadSource s;
    private final URI origin;
    private URI target;
    /** Whether HOST_FAILING_SINCE may be set in the store (read once, so Acks need no store read). */
    private boolean failing;

    FarmHost(UploadSource session) {
        this.s = session;
        this.origin = session.remote();
        this.target = origin;
    }

    /** Takes up the stored node, if a previous run was sent to one. */
    void restore() {
        String host = s.state(UploadState.HOST_ID);
        target = host == null ? origin : withHost(origin, host);
        failing = s.state(UploadState.HOST_FAILING_SINCE) != null;
    }

    /** Where the next request goes: the farm node, or the original host. */
    URI target() {
        return target;
    }

    /** Create-Session named a node: stores it with its fallback timeout and talks to it from now on. */
    void adopt(String hostId, Long fallbackSeconds) throws IOException {
        s.saveState(UploadState.HOST_ID, hostId);
        s.saveState(UploadState.HOST_FALLBACK_SECONDS, fallbackSeconds == null ? null : fallbackSeconds.toString());
        target = withHost(origin, hostId);
    }

    /**
     * After a failure to reach the node: starts its failure timer (once), and when the fallback
     * timeout has passed returns to the original host (and says so). Returns whether it did.
     */
    boolean fallBackIfDue() throws IOException {
        if (target.equals(origin)) {
            return false;
        }
        long now = System.currentTimeMillis();
        String since = s.state(UploadState.HOST_FAILING_SINCE);
        if (since == null) {
            s.saveState(UploadState.HOST_FAILING_SINCE, Long.toString(now));
            since = Long.toString(now);
        }
        failing = true;
        String limit = s.state(UploadState.HOST_FALLBACK_SECONDS);
        if (limit != null && now - Long.parseLong(since) >= Long.parseLong(limit) * 1000) {
            LOG.info("upload {}: host {} unreachable for {} s; falling back to the original host",
                    LogText.of(origin.toString()), LogText.of(target.getHost()), limit);
            target = origin;
            s.saveState(UploadState.HOST_ID, null);
            s.saveState(UploadState.HOST_FAILING_SINCE, null);
            failing = false;
            return true;
        }
        return false;
    }

    /** The current host answered: its failure timer stops. */
    void reached() throws IOException {
        if (failing) {
            s.saveState(UploadState.HOST_FAILING_SINCE, null);
            failing = false;
        }
    }

    /** {@code uri} with its host replaced by a BITS-Host-Id (a name, IPv4 or bare IPv6 address). */
    static URI withHost(URI uri, String host) {
        try {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return new URI(uri.getScheme() + "://" + h + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
        } catch (URISyntaxException e) {
            return uri;
        }
    }
}
