package org.drizzle.cmdlets.utility;

import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.cmdlets.bits.PSCredential;

/** The HttpClient 5 client for one web request: timeouts, redirects, certificate checks, proxy and credentials. */
final class WebClients {
    private WebClients() {
    }

    static CloseableHttpClient build(HttpFetch.Request r, WebOptions o) {
        // Retries are the cmdlet's (-MaximumRetryCount), never HttpClient's own (it would retry a 503 once).
        HttpClientBuilder b = HttpClients.custom().useSystemProperties().disableAutomaticRetries();
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create();
        ConnectionConfig.Builder cc = ConnectionConfig.custom();
        RequestConfig.Builder rc = RequestConfig.custom();
        if (r.timeout() != null) {
            Timeout t = Timeout.of(r.timeout());
            cc.setConnectTimeout(t).setSocketTimeout(t);
            rc.setResponseTimeout(t).setConnectionRequestTimeout(t);
        }
        if (o.operationTimeout() != null) {
            cc.setSocketTimeout(Timeout.of(o.operationTimeout()));
        }
        if (o.unixSocket() != null) {
            rc.setUnixDomainSocket(o.unixSocket());
        }
        if (o.maximumRedirection() >= 0) {
            // the cmdlets follow redirects themselves, with PowerShell 7.4's rules (HttpFetch)
            rc.setRedirectsEnabled(false);
        }
        if (o.skipCertificateCheck() || !o.tlsVersions().isEmpty()) {
            SSLConnectionSocketFactoryBuilder ssl = SSLConnectionSocketFactoryBuilder.create();
            if (o.skipCertificateCheck()) {
                ssl.setSslContext(trustAll()).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            if (!o.tlsVersions().isEmpty()) {
                ssl.setTlsVersions(o.tlsVersions().toArray(new String[0]));
            }
            cm.setSSLSocketFactory(ssl.build());
        }
        cm.setDefaultConnectionConfig(cc.build());
        b.setConnectionManager(cm.build()).setDefaultRequestConfig(rc.build());
        if (o.noProxy()) {
            b.setRoutePlanner(new DefaultRoutePlanner(null));
        } else if (o.proxy() != null) {
            b.setProxy(proxyHost(o.proxy()));
        }
        CredentialsProviderBuilder creds = CredentialsProviderBuilder.create();
        if (r.credential() != null) {
            add(creds, new AuthScope(r.uri().getHost(), -1), r.credential());
        }
        if (o.proxyCredential() != null && o.proxy() != null && !o.noProxy()) {
            add(creds, new AuthScope(o.proxy().getHost(), o.proxy().getPort()), o.proxyCredential());
        }
        if (o.cookies() != null) {
            b.setDefaultCookieStore(o.cookies());
        }
        return b.setDefaultCredentialsProvider(creds.build()).build();
    }

    private static void add(CredentialsProviderBuilder creds, AuthScope scope, PSCredential c) {
        creds.add(scope, c.userName(), c.password().toCharArray());
    }

    static HttpHost proxyHost(URI proxy) {
        String scheme = proxy.getScheme() == null ? "http" : proxy.getScheme();
        return new HttpHost(scheme, proxy.getHost(), proxy.getPort() < 0 ? 80 : proxy.getPort());
    }

    /** -SkipCertificateCheck: any certificate and any host name are accepted. */
    private static SSLContext trustAll() {
        try {
            return SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
        }
    }
}
