package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
        return execute(r, outFile, onStart, WebOptions.DEFAULT);
    }

    /**
     * As above with the web cmdlets' options. A status of 304 or 400-599 is retried
     * {@code maximumRetryCount} times, {@code retryInterval} apart, as PowerShell does.
     */
    public static Response execute(Request r, Path outFile, Consumer<Cancellable> onStart, WebOptions o)
            throws IOException {
        String scheme = r.uri().getScheme() == null ? "" : r.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("The URI '" + r.uri() + "' is not an http or https address.");
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return once(r, outFile, onStart, o);
            } catch (WebRequestException e) {
                int s = e.statusCode();
                boolean retryable = s == 304 || (s >= 400 && s <= 599);
                if (!retryable || attempt >= o.maximumRetryCount()) {
                    throw e;
                }
                pause(o.retryInterval());
            }
        }
    }

    private static void pause(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The request was stopped.");
        }
    }

    private static Response once(Request r, Path outFile, Consumer<Cancellable> onStart, WebOptions o)
            throws IOException {
        long have = o.resume() && outFile != null && Files.isRegularFile(outFile) ? Files.size(outFile) : 0;
        try (CloseableHttpClient client = WebClients.build(r, o)) {
            Hop hop = new Hop(r.uri(), r.method().toUpperCase(Locale.ROOT), r.body(), true);
            for (int hops = 0; ; hops++) {
                HttpUriRequestBase req = request(r, hop, o, have);
                onStart.accept(req);
                final Hop current = hop;
                final boolean follow = o.maximumRedirection() >= 0 && hops < o.maximumRedirection();
                Object result = client.execute(req, response -> {
                    Hop next = follow ? next(current, response, o) : null;
                    if (next != null) {
                        EntityUtils.consume(response.getEntity());
                        return next;
                    }
                    return read(r, response, outFile, o, have);
                });
                if (result instanceof Response done) {
                    return done;
                }
                hop = (Hop) result;
            }
        } catch (ClientProtocolException e) {
            if (e.getCause() instanceof RedirectException) {
                throw new WebRequestException(TOO_MANY_REDIRECTS, 0, r.uri());
            }
            throw e;
        }
    }

    /** One request of a chain of redirects: where, with which method and body, and whether Authorization goes along. */
    private record Hop(URI uri, String method, byte[] body, boolean authorization) {
    }

    private static HttpUriRequestBase request(Request r, Hop hop, WebOptions o, long have) {
        HttpUriRequestBase req = new HttpUriRequestBase(hop.method(), hop.uri());
        if (r.headers() != null) {
            r.headers().forEach((k, v) -> req.setHeader(LanguagePrimitives.toStr(k), LanguagePrimitives.toStr(v)));
        }
        if (!hop.authorization()) {
            req.removeHeaders("Authorization");
        }
        if (o.disableKeepAlive()) {
            req.setHeader("Connection", "close");
        }
        if (have > 0) {
            req.setHeader("Range", "bytes=" + have + "-");
        }
        if (hop.body() != null) {
            req.setEntity(new ByteArrayEntity(hop.body(), r.contentType() == null
                    ? ContentType.APPLICATION_FORM_URLENCODED : ContentType.parse(r.contentType()), o.chunkedBody()));
        }
        return req;
    }

    /**
     * The request a redirect asks for, as PowerShell 7.4 makes it: https to http only with -AllowInsecureRedirect;
     * the Authorization header dropped unless -PreserveAuthorizationOnRedirect; a POST answered by 300/301/302,
     * or anything but GET/HEAD answered by 303, becomes a GET without body unless -PreserveHttpMethodOnRedirect.
     * Null when the answer is no redirect to follow.
     */
    private static Hop next(Hop from, ClassicHttpResponse response, WebOptions o) throws IOException {
        int status = response.getCode();
        Header location = response.getFirstHeader("Location");
        if (location == null || !(status >= 300 && status <= 303 || status == 307 || status == 308)) {
            return null;
        }
        URI to;
        try {
            to = from.uri().resolve(location.getValue().trim());
        } catch (IllegalArgumentException e) {
            throw new WebRequestException("The redirect location '" + location.getValue() + "' is not a valid address.",
                    status, from.uri());
        }
        WebOptions.RedirectRules rules = o.redirects();
        if ("https".equalsIgnoreCase(from.uri().getScheme()) && "http".equalsIgnoreCase(to.getScheme())
                && !rules.allowInsecure()) {
            throw new WebRequestException(INSECURE_REDIRECT, status, from.uri());
        }
        boolean toGet = !rules.preserveMethod() && (status <= 302 ? from.method().equals("POST")
                : status == 303 && !from.method().equals("GET") && !from.method().equals("HEAD"));
        return new Hop(to, toGet ? "GET" : from.method(), toGet ? null : from.body(),
                from.authorization() && rules.preserveAuthorization());
    }

    /** PowerShell 7.4's words when https redirects to http without -AllowInsecureRedirect. */
    static final String INSECURE_REDIRECT = "Cannot follow an insecure redirection by default. Reissue the command "
            + "specifying the -AllowInsecureRedirect switch.";

    /** PowerShell's words when a redirect goes past -MaximumRedirection. */
    static final String TOO_MANY_REDIRECTS = "The maximum redirection count has been exceeded. To increase the number "
            + "of redirections allowed, supply a higher value to the -MaximumRedirection parameter.";

    private static Response read(Request r, ClassicHttpResponse response, Path outFile, WebOptions o, long have)
            throws IOException {
        Hashtable headers = new Hashtable();
        for (Header h : response.getHeaders()) {
            Object old = headers.get(h.getName());
            headers.put(h.getName(), old == null ? h.getValue() : old + ", " + h.getValue());
        }
        HttpEntity entity = response.getEntity();
        int status = response.getCode();
        if (have > 0 && status == 416) {
            // -Resume of a file that is already whole: the server has nothing past its end.
            EntityUtils.consume(entity);
            return new Response(status, response.getReasonPhrase(), headers, null, StandardCharsets.UTF_8);
        }
        if (status >= 300 && status < 400 && o.maximumRedirection() >= 0 && response.getFirstHeader("Location") != null
                && !o.skipHttpErrorCheck()) {
            // Redirects were switched off (-MaximumRedirection 0) and the server still redirects.
            EntityUtils.consume(entity);
            throw new WebRequestException(TOO_MANY_REDIRECTS, status, r.uri());
        }
        if (status >= 400 && !o.skipHttpErrorCheck()) {
            EntityUtils.consume(entity);
            throw new WebRequestException(status, response.getReasonPhrase(), r.uri());
        }
        Charset charset = charset(entity);
        if (outFile == null) {
            byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            return new Response(status, response.getReasonPhrase(), headers, body, charset);
        }
        writeAtomically(entity, outFile, have > 0 && status == 206);
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

    /** Body to a temporary sibling (after a copy of the file's present bytes when {@code append}), then renamed. */
    private static void writeAtomically(HttpEntity entity, Path outFile, boolean append) throws IOException {
        Path target = outFile.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        try {
            if (append) {
                Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (entity != null) {
                try (InputStream in = entity.getContent();
                     OutputStream out = Files.newOutputStream(temp, StandardOpenOption.APPEND)) {
                    in.transferTo(out);
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
