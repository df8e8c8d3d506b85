package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.cmdlets.bits.HttpCredentials;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * One HTTP request through HttpClient 5 for Invoke-WebRequest, Invoke-RestMethod and
 * System.Net.WebClient: custom headers, a credential for the target server, a timeout, a body.
 * A download to a file is written to a temporary sibling and renamed into place only once the
 * whole body has arrived, so the destination never holds a partial file.
 */
public final class HttpFetch {
    private HttpFetch() {
    }

    /** What to send. {@code timeout} null means HttpClient's defaults (no overall limit). */
    public record Request(URI uri, String method, Map<?, ?> headers, PSCredential credential, Duration timeout,
                          byte[] body, String contentType) {
        public static Request get(URI uri) {
            return new Request(uri, "GET", Map.of(), null, null, null, null);
        }
    }

    /** What came back: status, headers (repeated ones joined by ", "), and the body unless it went to a file. */
    public record Response(int statusCode, String statusDescription, Hashtable headers, byte[] body, Charset charset) {
        public String text() {
            return body == null ? null : new String(body, charset);
        }
    }

    /** Sends the request and reads the body into memory. An HTTP error status is a {@link WebRequestException}. */
    public static Response send(Request request) throws IOException {
        return execute(request, null, c -> { });
    }

    /** Sends the request and streams the body to {@code outFile} (temp file, then rename). */
    public static Response download(Request request, Path outFile) throws IOException {
        return execute(request, outFile, c -> { });
    }

    /**
     * As {@link #send} ({@code outFile} null) or {@link #download}, handing the in-flight request to
     * {@code onStart} first so a cmdlet's stop() (Ctrl+C) can cancel it; a cancelled download leaves no file.
     */
    public static Response execute(Request r, Path outFile, Consumer<Cancellable> onStart) throws IOException {
        String scheme = r.uri().getScheme() == null ? "" : r.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The URI '" + r.uri() + "' is not an http or https address.");
        }
        try (CloseableHttpClient client = client(r)) {
            HttpUriRequestBase req = new HttpUriRequestBase(r.method().toUpperCase(Locale.ROOT), r.uri());
            if (r.headers() != null) {
                r.headers().forEach((k, v) -> req.setHeader(LanguagePrimitives.toStr(k), LanguagePrimitives.toStr(v)));
            }
            if (r.body() != null) {
                req.setEntity(new ByteArrayEntity(r.body(), r.contentType() == null
                        ? ContentType.APPLICATION_FORM_URLENCODED : ContentType.parse(r.contentType())));
            }
            onStart.accept(req);
            return client.execute(req, response -> read(r, response, outFile));
        }
    }

    private static CloseableHttpClient client(Request r) {
        HttpClientBuilder b = HttpClients.custom().useSystemProperties();
        if (r.timeout() != null) {
            Timeout t = Timeout.of(r.timeout());
            b.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                    .build());
            b.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build());
        }
        if (r.credential() != null) {
            b.setDefaultCredentialsProvider(HttpCredentials.forServer(r.credential(), r.uri().getHost(), -1));
        }
        return b.build();
    }

    private static Response read(Request r, ClassicHttpResponse response, Path outFile) throws IOException {
        Hashtable headers = new Hashtable();
        for (Header h : response.getHeaders()) {
            Object old = headers.get(h.getName());
            headers.put(h.getName(), old == null ? h.getValue() : old + ", " + h.getValue());
        }
        HttpEntity entity = response.getEntity();
        int status = response.getCode();
        if (status >= 400) {
            EntityUtils.consume(entity);
            throw new WebRequestException(status, response.getReasonPhrase(), r.uri());
        }
        Charset charset = charset(entity);
        if (outFile == null) {
            byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            return new Response(status, response.getReasonPhrase(), headers, body, charset);
        }
        writeAtomically(entity, outFile);
        return new Response(status, response.getReasonPhrase(), headers, null, charset);
    }

    private static Charset charset(HttpEntity entity) {
        try {
            ContentType ct = entity == null || entity.getContentType() == null ? null : ContentType.parse(entity.getContentType());
            return ct != null && ct.getCharset() != null ? ct.getCharset() : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void writeAtomically(HttpEntity entity, Path outFile) throws IOException {
        Path target = outFile.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        try {
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
