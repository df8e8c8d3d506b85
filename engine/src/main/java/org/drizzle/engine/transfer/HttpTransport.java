package org.drizzle.engine.transfer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicSchemeFactory;
import org.apache.hc.client5.http.impl.auth.DigestSchemeFactory;
import org.apache.hc.client5.http.impl.auth.NTLMSchemeFactory;
import org.apache.hc.client5.http.impl.auth.SPNegoSchemeFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.idle.BackgroundSocketTuner;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.ProxyUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads http:// and https:// files over Apache HttpClient 5 (classic, blocking), resuming
 * with Range requests and validators so a changed file restarts instead of splicing (the
 * per-file rules live in {@link HttpDownload}). One pooled client serves every job that shares
 * a connection profile (TLS flags, client certificate, proxy settings); credentials, custom
 * headers and the redirect policy travel per request in the context.
 */
public final class HttpTransport implements Transport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_CLIENTS = 16;
    private final Throttle throttle;
    private final Duration socketTimeout;
    /** Socket factory for background jobs' connections, or null to tune only governed ones. */
    private final BackgroundSocketTuner background;
    /**
     * Sockets of jobs the throttle limits when no tuner was given. The governor paces our reads,
     * but only a bounded receive window makes the server follow them: an autotuned buffer keeps
     * growing (to tcp_rmem's max, megabytes), and while it grows the kernel accepts more than
     * the limit on the wire although our reads keep to it.
     */
    private final BackgroundSocketTuner governed =
            new BackgroundSocketTuner(BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER, false, null);
    private final ClientCertificates certificates;
    private final Map<ClientProfile, CloseableHttpClient> clients = new LinkedHashMap<>(16, 0.75f, true);
    private final List<CloseableHttpClient> retired = new java.util.ArrayList<>();

    /** What makes two jobs' connections interchangeable. */
    record ClientProfile(int tlsFlags, String certificate, ProxyUsage proxyUsage,
                         List<String> proxyList, List<String> proxyBypass, boolean background) {
        static ClientProfile of(JobInfo job, ClientCertificates.Pkcs12 certificate, boolean tuneBackground) {
            return new ClientProfile(job.securityFlags() & TlsSettings.TLS_FLAGS, certificate == null ? null : certificate.key(),
                    job.proxyUsage() == null ? ProxyUsage.SYSTEM_DEFAULT : job.proxyUsage(),
                    job.proxyList() == null ? List.of() : List.copyOf(job.proxyList()),
                    job.proxyBypass() == null ? List.of() : List.copyOf(job.proxyBypass()),
                    tuneBackground && job.priority().isBackground());
        }
    }

    /** A transport whose reads give up after two minutes of silence from the server. */
    public HttpTransport(Throttle throttle) {
        this(throttle, Duration.ofMinutes(2));
    }

    public HttpTransport(Throttle throttle, Duration socketTimeout) {
        this(throttle, socketTimeout, null);
    }

    /**
     * @param background the socket factory of background jobs' connections (small receive
     *                   buffer so the server slows down with our paced reads; RTT fed to the
     *                   estimator), or null: then only connections of jobs {@code throttle}
     *                   limits get a plain small-buffer socket; foreground jobs always get
     *                   untuned sockets
     */
    public HttpTransport(Throttle throttle, Duration socketTimeout, BackgroundSocketTuner background) {
        this(throttle, socketTimeout, background, Impersonator.NONE);
    }

    /**
     * As {@link #HttpTransport(Throttle, Duration, BackgroundSocketTuner)}, reading client
     * certificates through {@code impersonator} as the job owner (a service acting for many users).
     */
    public HttpTransport(Throttle throttle, Duration socketTimeout, BackgroundSocketTuner background,
                         Impersonator impersonator) {
        this.throttle = throttle;
        this.socketTimeout = socketTimeout;
        this.background = background;
        this.certificates = new ClientCertificates(impersonator);
    }

    @Override
    public boolean handles(URI remote, JobType type) {
        String scheme = remote.getScheme();
        return type == JobType.DOWNLOAD && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    }

    @Override
    public void transfer(FileSession session) throws TransferException, TransferStoppedException {
        for (Credential c : session.secrets().credentials()) {
            if (c.scheme() == AuthScheme.PASSPORT) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.E_NOTIMPL,
                        "Passport authentication is not supported (Microsoft retired it); remove the Passport credential.");
            }
        }
        JobInfo job = session.job();
        boolean tuned = background != null || throttle.limits(job.id(), job.priority());
        // Read as the owner at every transfer: a pooled client never stands in for the owner's own read.
        ClientCertificates.Pkcs12 certificate = certificates.read(job.owner(), session.secrets().clientCertificate());
        ClientProfile profile = ClientProfile.of(job, certificate, tuned);
        int chunk = Math.max(4096, throttle.preferredChunk(job.priority()));
        new HttpDownload(client(profile, certificate), session.download(), chunk, socketTimeout).run();
    }

    private synchronized CloseableHttpClient client(ClientProfile profile, ClientCertificates.Pkcs12 certificate)
            throws TransferException {
        CloseableHttpClient client = clients.get(profile);
        if (client == null) {
            client = buildClient(profile, certificate);
            clients.put(profile, client);
            if (clients.size() > MAX_CLIENTS) {
                var eldest = clients.entrySet().iterator();
                CloseableHttpClient old = eldest.next().getValue();
                eldest.remove();
                // A transfer may still be using it, so it is closed with the transport, not now.
                retired.add(old);
            }
        }
        return client;
    }

    /**
     * The HTTP path of a BITS download, in order: proxy route (job proxy usage), TLS (trust
     * store relaxed by security flags, client certificate), redirects (redirect policy),
     * custom headers on every request, authentication schemes for the job's credentials;
     * no transparent decompression (offsets are of the bytes on the wire) and no automatic
     * retries (BITS retries after MinimumRetryDelay).
     */
    CloseableHttpClient buildClient(ClientProfile profile, ClientCertificates.Pkcs12 certificate) throws TransferException {
        var pool = !profile.background() ? PoolingHttpClientConnectionManagerBuilder.create()
                : (background != null ? background : governed).connectionManagerBuilder();
        var connections = pool
                .setTlsSocketStrategy(TlsSettings.strategy(profile.tlsFlags(), certificate))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(30))
                        .setSocketTimeout(Timeout.of(socketTimeout))
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(16)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setRoutePlanner(ProxyRoutes.planner(profile.proxyUsage(), profile.proxyList(), profile.proxyBypass()))
                .setRedirectStrategy(new RedirectPolicy())
                .addRequestInterceptorLast(new CustomHeaders())
                .setDefaultAuthSchemeRegistry(authSchemes())
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Drizzle/0.1 (BITS)")
                .build();
    }

    @SuppressWarnings("deprecation")
    private static Registry<AuthSchemeFactory> authSchemes() {
        return RegistryBuilder.<AuthSchemeFactory>create()
                .register(StandardAuthScheme.BASIC, BasicSchemeFactory.INSTANCE)
                .register(StandardAuthScheme.DIGEST, DigestSchemeFactory.INSTANCE)
                .register(StandardAuthScheme.NTLM, NTLMSchemeFactory.INSTANCE)
                .register(StandardAuthScheme.SPNEGO, SPNegoSchemeFactory.DEFAULT)
                .build();
    }

    @Override
    public synchronized void close() {
        retired.addAll(clients.values());
        for (CloseableHttpClient client : retired) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debug("closing an HTTP client failed", e);
            }
        }
        clients.clear();
        retired.clear();
    }
}
