package org.drizzle.engine.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RedirectLocations;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.engine.job.CustomHeaderRules;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.engine.job.RemoteValidator;
import org.drizzle.engine.job.SecurityFlags;

/**
 * One file's HTTP download, from the session's durable offset to the end. The rules, in the
 * order they apply:
 * <ol>
 * <li>Each request asks {@code Range: bytes=<offset>-} with {@code If-Range} (strong ETag, else
 *     Last-Modified) once bytes are held, so the first ranged GET also tells the size.</li>
 * <li>206: the Content-Range start must be the offset; the size, ETag and Last-Modified are
 *     compared with the recorded ones and a different version restarts the file from 0.</li>
 * <li>200 to a ranged request: the server sent a new whole body (If-Range failed or Range was
 *     ignored), so the temp file is truncated and the body taken from byte 0; never appended.
 *     A 200 at offset 0 without {@code Accept-Ranges: bytes} means no Range support:
 *     BG_E_INSUFFICIENT_RANGE_SUPPORT. No Content-Length: BG_E_MISSING_FILE_SIZE.</li>
 * <li>Dynamic jobs and jobs with a custom HTTP method send no Range and always start at 0.</li>
 * <li>File ranges (AddFileWithRanges) learn the size first (HEAD, or {@code bytes=0-0} when HEAD
 *     fails), check every range against it, then fetch each range in order.</li>
 * </ol>
 */
final class HttpDownload {
    private final CloseableHttpClient client;
    private final DownloadSink session;
    private final int chunk;
    private final Timeout responseTimeout;
    private final JobInfo job;
    private final JobCredentials credentials;
    private final AuthCache authCache = new BasicAuthCache();
    private final int proxyCount;
    private int proxyIndex;
    private boolean connected;
    private boolean reported;
    private List<CustomHeaderRules.Header> headers = List.of();

    HttpDownload(CloseableHttpClient client, DownloadSink session, int chunk, Duration socketTimeout) {
        this.client = client;
        this.session = session;
        this.chunk = chunk;
        this.responseTimeout = Timeout.of(socketTimeout);
        this.job = session.job();
        this.credentials = new JobCredentials(session.secrets().credentials());
        this.proxyCount = job.proxyUsage() == ProxyUsage.OVERRIDE && job.proxyList() != null
                ? ProxyRoutes.proxiesFor(session.remote().getScheme(), job.proxyList()).size() : 0;
    }

    /**
     * Downloads the file. Every request is registered with the session as what to abort on a
     * stop, so a suspend or cancel cuts a read a slow server holds open; whatever failure that
     * abort causes is reported as the stop it is. That includes HttpClient's
     * IllegalStateException ("Endpoint not acquired / already released") when the abort lands
     * between leasing a connection and using it.
     */
    void run() throws TransferException, TransferStoppedException {
        try {
            download();
        } catch (TransferException | RuntimeException e) {
            if (session.stopRequested()) {
                throw new TransferStoppedException();
            }
            throw e;
        } finally {
            session.abortOnStop(null);
        }
    }

    private void download() throws TransferException, TransferStoppedException {
        headers = CustomHeaders.checked(session.secrets().customHeaders(), job.type());
        List<ByteRange> ranges = session.file().ranges();
        String method = job.httpMethod() == null ? "GET" : job.httpMethod().toUpperCase(Locale.ROOT);
        if (!"GET".equals(method)) {
            try {
                whole(method);
            } catch (TransferException e) {
                throw e instanceof NonResumableTransferException ? e : new NonResumableTransferException(e);
            }
        } else if (job.dynamic()) {
            whole(method);
        } else if (ranges != null && !ranges.isEmpty()) {
            new RangedDownload(this, ranges).run();
        } else {
            resumable();
        }
    }

    // ---- whole files with resume ----

    private void resumable() throws TransferException, TransferStoppedException {
        if (session.offset() > 0 && session.recordedValidator() == null) {
            // Bytes of an unknown version: nothing can prove they belong to what the server has now.
            restartWith(null);
        }
        long lastOffset = -1;
        while (true) {
            session.checkStop();
            long offset = session.offset();
            RemoteValidator recorded = session.recordedValidator();
            if (recorded != null && recorded.size() >= 0 && offset == recorded.size() && offset > 0) {
                finish();
                return;
            }
            if (offset == lastOffset) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT,
                        remote() + " made no progress from byte " + offset + ".");
            }
            lastOffset = offset;
            String ifRange = offset > 0 ? ifRange(recorded) : null;
            ClassicHttpRequest request = ranged("GET", offset, -1, ifRange);
            HttpClientContext context = context();
            try (ClassicHttpResponse response = execute(request, context)) {
                int code = response.getCode();
                if (code == 206) {
                    if (takePartial(response, context, offset, recorded)) {
                        finish();
                        return;
                    }
                } else if (code == 200) {
                    takeWhole(response, context, offset, ifRange != null);
                    finish();
                    return;
                } else if (code == 416) {
                    if (unsatisfiable(response, offset, recorded)) {
                        finish();
                        return;
                    }
                } else {
                    throw failure(response, context);
                }
            } catch (IOException e) {
                throw HttpFailures.network(e, remote());
            }
        }
    }

    /** Takes a 206 body; returns true when the file is complete, false to ask again. */
    private boolean takePartial(ClassicHttpResponse response, HttpClientContext context, long offset,
                                RemoteValidator recorded) throws TransferException, TransferStoppedException, IOException {
        ContentRange range = ContentRange.parse(header(response, "Content-Range"));
        if (range == null || !range.hasBytes()) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT,
                    remote() + " answered 206 without a usable Content-Range (" + header(response, "Content-Range") + ").");
        }
        if (range.total() < 0) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_MISSING_FILE_SIZE,
                    remote() + " did not say the file size (Content-Range " + header(response, "Content-Range") + ").");
        }
        RemoteValidator current = validator(response, range.total());
        reportRedirect(context);
        if (recorded != null && recorded.changedTo(current)) {
            restartWith(current);
            if (range.first() != 0) {
                return false;
            }
        } else if (recorded == null) {
            recordRemote(current);
        }
        long at = session.offset();
        if (range.first() > at) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT,
                    remote() + " sent bytes from " + range.first() + " when asked from " + at + ".");
        }
        InputStream body = response.getEntity().getContent();
        skip(body, at - range.first());
        copy(body, range.last() + 1 - at);
        EntityUtils.consume(response.getEntity());
        return session.offset() >= range.total();
    }

    /** Takes a 200 body: the whole file, from byte 0. */
    private void takeWhole(ClassicHttpResponse response, HttpClientContext context, long offset, boolean ifRangeSent)
            throws TransferException, TransferStoppedException, IOException {
        HttpEntity entity = response.getEntity();
        long length = entity == null ? 0 : entity.getContentLength();
        if (length < 0) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_MISSING_FILE_SIZE,
                    remote() + " sent no Content-Length.");
        }
        boolean acceptsRanges = header(response, "Accept-Ranges") != null
                && header(response, "Accept-Ranges").toLowerCase(Locale.ROOT).contains("bytes");
        if (offset == 0 && !ifRangeSent && !acceptsRanges) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT,
                    remote() + " answered a Range request with the whole file (HTTP 200).");
        }
        reportRedirect(context);
        restartWith(validator(response, length));
        if (entity != null) {
            copy(entity.getContent(), length);
            EntityUtils.consume(entity);
        }
    }

    /** A 416: complete already, an empty file, or a shorter new version; returns true when complete. */
    private boolean unsatisfiable(ClassicHttpResponse response, long offset, RemoteValidator recorded)
            throws TransferException, IOException {
        long size = ContentRange.unsatisfiedSize(header(response, "Content-Range"));
        if (offset == 0 && size == 0) {
            recordRemote(validator(response, 0));
            return true;
        }
        if (recorded != null && offset > 0 && (size < 0 || size == offset) && offset == recorded.size()) {
            return true;
        }
        if (offset > 0) {
            restartWith(null);
            return false;
        }
        throw HttpFailures.status(416, remote());
    }

    // ---- whole files without resume (Dynamic content, custom HTTP method) ----

    private void whole(String method) throws TransferException, TransferStoppedException {
        if (session.offset() > 0 || session.recordedValidator() != null) {
            restartWith(null);
        }
        ClassicHttpRequest request = new HttpUriRequestBase(method, session.remote());
        HttpClientContext context = context();
        try (ClassicHttpResponse response = execute(request, context)) {
            int code = response.getCode();
            if (code < 200 || code > 299 || code == 206) {
                throw failure(response, context);
            }
            HttpEntity entity = response.getEntity();
            long length = entity == null ? 0 : entity.getContentLength();
            reportRedirect(context);
            recordRemote(validator(response, length));
            if (entity != null) {
                copy(entity.getContent(), length);
                EntityUtils.consume(entity);
            }
            finish();
        } catch (IOException e) {
            throw HttpFailures.network(e, remote());
        }
    }

    // ---- shared steps (also used by RangedDownload) ----

    DownloadSink session() {
        return session;
    }

    String remote() {
        return session.remote().toString();
    }

    ClassicHttpRequest ranged(String method, long from, long to, String ifRange) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, session.remote());
        request.setHeader("Range", ContentRange.request(from, to));
        if (ifRange != null) {
            request.setHeader("If-Range", ifRange);
        }
        return request;
    }

    /** If-Range value: a strong ETag, else Last-Modified, else none (then a change shows as a validator mismatch). */
    static String ifRange(RemoteValidator recorded) {
        if (recorded == null) {
            return null;
        }
        if (recorded.hasStrongEtag()) {
            return recorded.etag();
        }
        return recorded.lastModified();
    }

    HttpClientContext context() {
        HttpClientContext context = HttpClientContext.create();
        context.setCredentialsProvider(credentials);
        context.setAuthCache(authCache);
        context.setAttribute(RedirectPolicy.SECURITY_FLAGS, job.securityFlags());
        context.setAttribute(CustomHeaders.HEADERS, headers);
        RequestConfig.Builder config = RequestConfig.custom()
                .setResponseTimeout(responseTimeout)
                .setRedirectsEnabled(true)
                .setMaxRedirects(10)
                .setCircularRedirectsAllowed(false);
        List<String> server = credentials.schemes(AuthTarget.SERVER);
        if (!server.isEmpty()) {
            config.setTargetPreferredAuthSchemes(server);
        }
        List<String> proxy = credentials.schemes(AuthTarget.PROXY);
        if (!proxy.isEmpty()) {
            config.setProxyPreferredAuthSchemes(proxy);
        }
        context.setRequestConfig(config.build());
        return context;
    }

    /** Sends a request; with an override ProxyList, an unreachable proxy moves on to the next one. */
    ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientContext context)
            throws TransferException, TransferStoppedException {
        if (request instanceof Cancellable cancellable) {
            // Cancelling discards the connection: a blocked connect, header wait or body read fails at once.
            session.abortOnStop(cancellable::cancel);
        }
        while (true) {
            session.checkStop();
            context.setAttribute(ProxyRoutes.PROXY_INDEX, proxyIndex);
            try {
                return client.executeOpen(null, request, context);
            } catch (IOException e) {
                TransferException failure = HttpFailures.network(e, remote());
                boolean unreachable = failure.code() == ErrorCodes.INTERNET_CANNOT_CONNECT
                        || failure.code() == ErrorCodes.INTERNET_NAME_NOT_RESOLVED;
                if (unreachable && proxyIndex + 1 < proxyCount) {
                    proxyIndex++;
                    continue;
                }
                throw failure;
            }
        }
    }

    /** The error for a response the transfer cannot use: a refused redirect or the HTTP status. */
    TransferException failure(ClassicHttpResponse response, HttpClientContext context) {
        Object refused = context.getAttribute(RedirectPolicy.REFUSED);
        if (refused instanceof URI location) {
            boolean disallowed = SecurityFlags.redirectPolicy(job.securityFlags()) == SecurityFlags.REDIRECT_POLICY_DISALLOW;
            if (disallowed) {
                // BG_HTTP_REDIRECT_POLICY_DISALLOW: fatal, and the remote name shows where it pointed.
                session.reportRemoteName(location);
                return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.HTTP_REDIRECT_FAILED,
                        remote() + " redirected to " + location + ", and the job's security flags disallow redirects.");
            }
            return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.HTTP_REDIRECT_FAILED,
                    remote() + " redirected from https to " + location
                            + "; allow it with the job's ALLOW_HTTPS_TO_HTTP_REDIRECT security flag.");
        }
        org.apache.hc.core5.http.Header retryAfter = response.getFirstHeader("Retry-After");
        return HttpFailures.status(response.getCode(), remote(), retryAfter == null ? null : retryAfter.getValue());
    }

    /** Redirect policy "allow and report": the final URL becomes the file's remote name (once). */
    void reportRedirect(HttpClientContext context) {
        RedirectLocations locations = context.getRedirectLocations();
        if (reported || locations == null || locations.size() == 0
                || SecurityFlags.redirectPolicy(job.securityFlags()) != SecurityFlags.REDIRECT_POLICY_ALLOW_REPORT) {
            return;
        }
        reported = true;
        session.reportRemoteName(locations.get(locations.size() - 1));
    }

    static RemoteValidator validator(ClassicHttpResponse response, long size) {
        String etag = header(response, "ETag");
        return new RemoteValidator(size, etag, header(response, "Last-Modified"));
    }

    static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    void recordRemote(RemoteValidator validator) throws TransferException {
        try {
            session.recordRemote(validator);
        } catch (IOException e) {
            throw HttpFailures.local(e, session.file().localName());
        }
    }

    /** Truncates the temp file to 0 and records the new version (if known). */
    void restartWith(RemoteValidator validator) throws TransferException {
        try {
            session.restart();
            if (validator != null) {
                session.recordRemote(validator);
            }
        } catch (IOException e) {
            throw HttpFailures.local(e, session.file().localName());
        }
    }

    void finish() throws TransferException {
        markConnected();
        try {
            session.checkpoint();
        } catch (IOException e) {
            throw HttpFailures.local(e, session.file().localName());
        }
    }

    private void skip(InputStream body, long bytes) throws TransferException {
        try {
            body.skipNBytes(bytes);
        } catch (IOException e) {
            throw HttpFailures.network(e, remote());
        }
    }

    /**
     * Streams {@code expected} body bytes (or to EOF when -1) into the session through the one
     * copy loop ({@link SinkCopy}) in chunks of the throttle's preferred size. Bytes that arrived
     * before a cut connection are written before the (transient) failure is reported.
     */
    void copy(InputStream body, long expected) throws TransferException, TransferStoppedException {
        long got;
        try {
            got = SinkCopy.copy(session, body::read, expected, chunk, this::markConnected);
        } catch (IOException e) {
            throw HttpFailures.network(e, remote());
        }
        if (expected >= 0 && got < expected) {
            throw new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.INTERNET_CONNECTION_RESET,
                    remote() + ": the body ended after " + got + " of " + expected + " bytes.");
        }
    }

    /** The first response bytes arrived: CONNECTING becomes TRANSFERRING (once per file). */
    private void markConnected() {
        if (!connected) {
            connected = true;
            session.connected();
        }
    }
}
