package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.CustomHeaderRules;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.transfer.JobSecrets;

/**
 * Sends BITS_POST packets with HttpClient 5 and reads their Acks. Every request carries
 * Content-Length (an empty byte entity makes HttpClient send {@code 0}), the Windows
 * User-Agent style, the job's custom headers and, on a 401/407, its credentials.
 * Timeouts follow BITS: connect and send 2 minutes, response 5 minutes; an Ack without
 * Content-Length is read to EOF within the response timeout. Its sockets come from
 * {@link UploadSockets} (one client for foreground jobs, one for background ones).
 */
final class UploadClient implements AutoCloseable {
    static final String USER_AGENT = "Microsoft BITS/7.8 (Drizzle)";
    private final CloseableHttpClient http;

    UploadClient(Timeout connect, Timeout response, UploadSockets sockets) {
        this.http = HttpClients.custom()
                .setConnectionManager(sockets.connectionManagerBuilder()
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(response).setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(response).build())
                        .setMaxConnPerRoute(8).setMaxConnTotal(64)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                .setUserAgent(USER_AGENT)
                // BITS packets are retried by the protocol (Ping, then offsets from the Ack), not blindly.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .build();
    }

    /** Sends one packet; {@code body} null means an empty body with Content-Length: 0. */
    Ack send(URI url, String packetType, String sessionId, List<String[]> headers, HttpEntity body,
             JobSecrets secrets) throws IOException {
        ClassicRequestBuilder b = ClassicRequestBuilder.create(BitsProtocol.METHOD).setUri(url)
                .setHeader("Accept", "*/*")
                .setHeader(BitsProtocol.PACKET_TYPE, packetType);
        if (sessionId != null) {
            b.setHeader(BitsProtocol.SESSION_ID, sessionId);
        }
        for (String[] h : headers) {
            b.setHeader(h[0], h[1]);
        }
        for (CustomHeaderRules.Header h : customHeaders(secrets)) {
            b.addHeader(h.name(), h.value());
        }
        b.setEntity(body != null ? body : new ByteArrayEntity(new byte[0], null));
        ClassicHttpRequest request = b.build();
        return http.execute(request, context(url, secrets), Ack::read);
    }

    /** The job's custom headers, checked again ({@link CustomHeaderRules}): a bad one sends nothing. */
    private static List<CustomHeaderRules.Header> customHeaders(JobSecrets secrets) throws IOException {
        try {
            return CustomHeaderRules.parse(secrets.customHeaders(), JobType.UPLOAD);
        } catch (BitsException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** A GET of an upload-reply, handed to {@code handler} as the raw response. */
    <T> T get(URI url, JobSecrets secrets,
              org.apache.hc.core5.http.io.HttpClientResponseHandler<T> handler) throws IOException {
        ClassicHttpRequest request = ClassicRequestBuilder.get(url).setHeader("Accept-Encoding", "identity").build();
        return http.execute(request, context(url, secrets), handler);
    }

    private static HttpClientContext context(URI url, JobSecrets secrets) {
        HttpClientContext ctx = HttpClientContext.create();
        BasicCredentialsProvider creds = new BasicCredentialsProvider();
        for (Credential c : secrets.credentials()) {
            if (c.userName() == null) {
                continue;
            }
            UsernamePasswordCredentials upc = new UsernamePasswordCredentials(c.userName(),
                    (c.password() == null ? "" : c.password()).toCharArray());
            // Server credentials apply to the upload host; proxy credentials to any proxy.
            AuthScope scope = c.target() == AuthTarget.SERVER
                    ? new AuthScope(url.getHost(), -1) : new AuthScope(null, -1);
            creds.setCredentials(scope, upc);
        }
        ctx.setCredentialsProvider(creds);
        return ctx;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
