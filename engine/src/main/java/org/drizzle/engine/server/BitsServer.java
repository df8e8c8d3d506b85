package org.drizzle.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.transfer.upload.BitsProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drizzle's compact BITS upload server (the BITS Compact Server / IIS BITS extension role) on
 * HttpCore 5's classic server: BITS_POST packets upload into virtual directories, GET/HEAD
 * serve the files under them. Sessions live on disk, so a restart on the same root resumes
 * every upload in flight. Run it with {@code bin/drizzle server --root DIR --port N}.
 */
public final class BitsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BitsServer.class);
    /** IIS's BITSNumberOfSessionsLimit default (there per user, here per client address). */
    public static final int DEFAULT_MAX_SESSIONS_PER_CLIENT = 50;
    /** Upload sessions held at once over all clients and virtual directories. */
    public static final int DEFAULT_MAX_SESSIONS = 500;
    /** A request body left unread beyond this is not drained: the connection closes instead. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private final Builder config;
    private final List<Mount> mounts = new ArrayList<>();
    private final BasicAuthGate auth;
    private final BackEndNotifier notifier;
    private HttpServer http;
    private ScheduledExecutorService sweeper;

    /** A virtual directory with its handlers. */
    private record Mount(VirtualDirectory vdir, SessionStore store, UploadHandler upload, FileGetHandler files) {
    }

    private BitsServer(Builder b) {
        this.config = b;
        this.auth = b.user == null ? null : new BasicAuthGate(b.user, b.password);
        this.notifier = new BackEndNotifier(b.notificationTimeout);
        SessionQuota quota = new SessionQuota(b.maxSessionsPerClient, b.maxSessions);
        for (VirtualDirectory v : b.vdirs) {
            SessionStore store = new SessionStore(v, b.clock, quota);
            FragmentReceiver fragments = new FragmentReceiver(v, store, notifier);
            UploadHandler upload = new UploadHandler(v, store, fragments, b.hostId, b.hostIdFallbackSeconds);
            mounts.add(new Mount(v, store, upload, new FileGetHandler(v)));
        }
        // Longest prefix first, so /upload/inner wins over /upload and /.
        mounts.sort(Comparator.comparingInt((Mount m) -> m.vdir.prefix().length()).reversed());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the listener, sweeps expired sessions once, and starts the periodic sweeper. */
    public synchronized BitsServer start() throws IOException {
        for (Mount m : mounts) {
            Files.createDirectories(m.vdir.sessionsFolder());
            m.store.sweep();
            m.store.recover();
        }
        ServerBootstrap bootstrap = ServerBootstrap.bootstrap()
                .setLocalAddress(config.address)
                .setListenerPort(config.port)
                .setSocketConfig(SocketConfig.custom().setSoReuseAddress(true)
                        .setSoTimeout(Timeout.ofMinutes(5)).setTcpNoDelay(true).build())
                .setExceptionListener(new QuietExceptions())
                // One handler for every host name and path: routing by virtual directory happens in handle().
                .setRequestRouter((request, context) -> this::handle);
        if (config.sslContext != null) {
            bootstrap.setSslContext(config.sslContext);
        }
        http = bootstrap.create();
        http.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bits-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        // A short session timeout is honoured promptly: the sweep runs at least once per timeout.
        long every = config.sweepInterval.toMillis();
        for (Mount m : mounts) {
            every = Math.min(every, m.vdir.sessionTimeout().toMillis());
        }
        sweeper.scheduleWithFixedDelay(() -> mounts.forEach(m -> m.store.sweep()), every, every, TimeUnit.MILLISECONDS);
        LOG.info("BITS server listening on {}", baseUri());
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return http.getLocalPort();
    }

    /** {@code http://127.0.0.1:port} (or https). */
    public URI baseUri() {
        String host = config.address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((config.sslContext != null ? "https" : "http") + "://" + host + ":" + port());
    }

    /** Stops listening and waits briefly for requests in progress; sessions stay on disk. */
    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (http != null) {
            http.initiateShutdown();
            try {
                http.awaitTermination(TimeValue.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            http.close(CloseMode.IMMEDIATE);
            http = null;
            mounts.forEach(m -> {
                m.store.stopForcing();
                m.store.checkpointAll();
            });
        }
        try {
            notifier.close();
        } catch (IOException e) {
            LOG.debug("closing the notification client: {}", e.toString());
        }
    }

    /** Blocks until the server is closed (for the command line). */
    public void awaitTermination() throws InterruptedException {
        HttpServer s = http;
        if (s != null) {
            s.awaitTermination(TimeValue.MAX_VALUE);
        }
    }

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        String raw = request.getPath();
        boolean bits = BitsProtocol.METHOD.equalsIgnoreCase(request.getMethod());
        if (bits) {
            // Every answer to a BITS packet is an Ack, also a 401 or a 404 for an unknown directory.
            response.setHeader(BitsProtocol.PACKET_TYPE, BitsProtocol.ACK);
        }
        try {
            if (raw == null || !raw.startsWith("/")) {
                throw new AckException(400, ErrorCodes.E_INVALIDARG, "The request target must be a path.");
            }
            if (auth != null && !auth.admits(request)) {
                response.setCode(401);
                response.setHeader("WWW-Authenticate", BasicAuthGate.CHALLENGE);
                return;
            }
            int q = raw.indexOf('?');
            String path = q >= 0 ? raw.substring(0, q) : raw;
            Mount mount = null;
            String relative = null;
            for (Mount m : mounts) {
                relative = m.vdir.relativePath(path);
                if (relative != null) {
                    mount = m;
                    break;
                }
            }
            if (mount == null) {
                response.setCode(404);
                return;
            }
            if (bits) {
                EndpointDetails peer = HttpCoreContext.cast(context).getEndpointDetails();
                mount.upload.handle(relative, baseUri() + raw, SessionQuota.clientKey(peer == null ? null : peer.getRemoteAddress()),
                        request, response);
            } else if (request.getMethod().equalsIgnoreCase("GET") || request.getMethod().equalsIgnoreCase("HEAD")) {
                mount.files.handle(relative, request, response);
            } else {
                response.setCode(405);
                response.setHeader("Allow", "GET, HEAD, " + BitsProtocol.METHOD);
            }
        } catch (AckException e) {
            response.setCode(e.status());
            if (bits) {
                response.setHeader(BitsProtocol.ERROR_CODE, BitsProtocol.hex(e.code()));
                response.setHeader(BitsProtocol.ERROR_CONTEXT, BitsProtocol.hex(e.context()));
            }
        } finally {
            drain(request, response);
        }
    }

    /** Reads what is left of a small request body so the connection can be reused; closes it otherwise. */
    private static void drain(ClassicHttpRequest request, ClassicHttpResponse response) {
        HttpEntity entity = request.getEntity();
        if (entity == null) {
            return;
        }
        try (InputStream in = entity.getContent()) {
            long left = DRAIN_LIMIT;
            byte[] buf = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
                left -= n;
            }
            if (left <= 0 && in.read() >= 0) {
                response.setHeader("Connection", "close");
            }
        } catch (IOException e) {
            // A body a handler read and closed is already drained (closing reads it to its end);
            // any other failure means the connection is broken, which HttpCore notices itself.
            LOG.trace("request body not drained: {}", LogText.of(e.toString()));
        }
    }

    /** Percent-encodes each segment of a path for use in a URL. */
    static String encodePath(String path) {
        java.util.StringJoiner joined = new java.util.StringJoiner("/");
        for (String seg : path.split("/", -1)) {
            joined.add(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return joined.toString();
    }

    public static void main(String[] args) throws Exception {
        System.exit(ServerCommandLine.run(args, System.out, System.err));
    }

    /** Logs connection-level failures (resets, TLS errors) at debug: clients vanish all the time. */
    private static final class QuietExceptions implements ExceptionListener {
        @Override
        public void onError(Exception ex) {
            LOG.debug("server error: {}", LogText.of(ex.toString()));
        }

        @Override
        public void onError(org.apache.hc.core5.http.HttpConnection connection, Exception ex) {
            LOG.debug("connection error: {}", LogText.of(ex.toString()));
        }
    }

    /** Settings of a {@link BitsServer}; every setter names BITS' own knob where there is one. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port = 0;
        private final List<VirtualDirectory> vdirs = new ArrayList<>();
        private String user;
        private String password;
        private SSLContext sslContext;
        private String hostId;
        private Long hostIdFallbackSeconds;
        private Duration sweepInterval = Duration.ofHours(12);
        private int maxSessionsPerClient = DEFAULT_MAX_SESSIONS_PER_CLIENT;
        private int maxSessions = DEFAULT_MAX_SESSIONS;
        private Timeout notificationTimeout = BackEndNotifier.DEFAULT_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        /** Listen address; default 127.0.0.1. */
        public Builder listenAddress(InetAddress value) {
            this.address = value;
            return this;
        }

        /** Listen port; 0 picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("Port " + value + " is outside 0..65535.");
            }
            this.port = value;
            return this;
        }

        public Builder virtualDirectory(VirtualDirectory value) {
            for (VirtualDirectory v : vdirs) {
                if (v.prefix().equals(value.prefix())) {
                    throw new IllegalArgumentException("Virtual directory " + value.prefix() + " is defined twice.");
                }
            }
            vdirs.add(value);
            return this;
        }

        /** HTTP Basic authentication for every request. */
        public Builder basicAuth(String userName, String pass) {
            this.user = userName;
            this.password = pass;
            return this;
        }

        /** Serve HTTPS with this context instead of HTTP. */
        public Builder tls(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** BITSHostId and BITSHostIdFallbackTimeout (null seconds: the client never falls back). */
        public Builder hostId(String id, Long fallbackSeconds) {
            if (id != null && id.length() > 300) {
                throw new IllegalArgumentException("Host id is longer than 300 characters.");
            }
            this.hostId = id;
            this.hostIdFallbackSeconds = fallbackSeconds;
            return this;
        }

        /** How often expired sessions are deleted (IIS: every 12 hours; at least once per session timeout). */
        public Builder sweepInterval(Duration value) {
            this.sweepInterval = value;
            return this;
        }

        /** BITSNumberOfSessionsLimit, per client address (an IPv6 client by its /64); default 50. */
        public Builder maxSessionsPerClient(int value) {
            this.maxSessionsPerClient = positive("Maximum sessions per client", value);
            return this;
        }

        /** The most upload sessions the server holds at once, over all clients and directories; default 500. */
        public Builder maxSessions(int value) {
            this.maxSessions = positive("Maximum sessions", value);
            return this;
        }

        private static int positive(String what, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " " + value + " must be at least 1.");
            }
            return value;
        }

        /** How long the back-end application may take to answer a notification (default 5 minutes). */
        public Builder notificationTimeout(Duration value) {
            this.notificationTimeout = Timeout.of(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public BitsServer build() {
            if (vdirs.isEmpty()) {
                throw new IllegalStateException("A BITS server needs at least one virtual directory (a root folder).");
            }
            return new BitsServer(this);
        }
    }
}
