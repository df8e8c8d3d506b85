package org.drizzle.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.transfer.upload.BitsProtocol;

/**
 * Hands a finished upload to the back-end application of an upload-reply directory, as the
 * IIS extension does: a plain POST (User-Agent "BITSExts 1.5") with BITS-Original-Request-URL,
 * carrying either the file paths (by reference) or the file itself (by value). The reply is
 * the file the application wrote, or its response body, or a BITS-Static-Response-URL.
 * A failing or silent back-end becomes an Ack error in context REMOTE_APPLICATION.
 */
final class BackEndNotifier implements AutoCloseable {
    /** The application must answer within 5 minutes (BITS 2.0+). */
    static final Timeout DEFAULT_TIMEOUT = Timeout.ofMinutes(5);

    /** What the application asked for besides the reply. */
    record Outcome(String staticReplyUrl, boolean copyToDestination) {
    }

    private final CloseableHttpClient client;

    BackEndNotifier(Timeout timeout) {
        this.client = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                .setUserAgent("BITSExts 1.5")
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
    }

    Outcome notify(VirtualDirectory vdir, String requestUrl, Path requestFile, Path replyFile) throws AckException {
        URI target = target(vdir, requestUrl);
        HttpPost post = new HttpPost(target);
        post.setHeader(BitsProtocol.ORIGINAL_REQUEST_URL, requestUrl);
        if (vdir.notificationType() == NotificationType.BY_REFERENCE) {
            post.setHeader(BitsProtocol.REQUEST_DATAFILE_NAME, requestFile.toString());
            post.setHeader(BitsProtocol.RESPONSE_DATAFILE_NAME, replyFile.toString());
            post.setEntity(new ByteArrayEntity(new byte[0], null));
        } else {
            post.setEntity(new FileEntity(requestFile.toFile(), ContentType.APPLICATION_OCTET_STREAM));
        }
        try {
            return client.execute(post, response -> outcome(response, vdir, replyFile));
        } catch (AckFailure e) {
            throw e.ack;
        } catch (java.net.SocketTimeoutException e) {
            throw appError(500, ErrorCodes.fromHttpStatus(504), "The back-end application did not answer in time.");
        } catch (IOException e) {
            throw appError(500, ErrorCodes.fromHttpStatus(502), "The back-end application at " + target + " failed: " + e.getMessage());
        }
    }

    private static Outcome outcome(ClassicHttpResponse response, VirtualDirectory vdir, Path replyFile) throws IOException {
        int status = response.getCode();
        HttpEntity body = response.getEntity();
        if (status != 200) {
            EntityUtils.consume(body);
            // The application's status travels on: 5xx and 408/409 are transient for the client, the rest fatal.
            throw new AckFailure(appError(status >= 400 ? status : 500, ErrorCodes.fromHttpStatus(status),
                    "The back-end application answered HTTP " + status + "."));
        }
        Header staticUrl = response.getFirstHeader(BitsProtocol.STATIC_RESPONSE_URL);
        boolean copy = response.getFirstHeader(BitsProtocol.COPY_FILE_TO_DESTINATION) != null;
        if (staticUrl != null) {
            EntityUtils.consume(body);
            return new Outcome(staticUrl.getValue(), copy);
        }
        boolean written = vdir.notificationType() == NotificationType.BY_REFERENCE && Files.isRegularFile(replyFile);
        if (!written) {
            Path tmp = replyFile.resolveSibling(SessionStore.REPLY_FILE + ".tmp");
            try (InputStream in = body == null ? InputStream.nullInputStream() : body.getContent()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            SessionStore.move(tmp, replyFile, true);
        } else {
            EntityUtils.consume(body);
        }
        return new Outcome(null, copy);
    }

    /** The notification URL; a relative one resolves against the upload URL, whose query string is appended. */
    static URI target(VirtualDirectory vdir, String requestUrl) {
        URI upload = URI.create(requestUrl);
        URI base = upload.resolve(vdir.notificationUrl());
        String query = upload.getRawQuery();
        if (query == null) {
            return base;
        }
        String s = base.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + query);
    }

    private static AckException appError(int status, int code, String message) {
        return new AckException(status, code, BitsProtocol.CONTEXT_REMOTE_APPLICATION, message);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Carries an AckException out of the response handler, which may only throw IOException. */
    private static final class AckFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient AckException ack;

        AckFailure(AckException ack) {
            super(ack.getMessage());
            this.ack = ack;
        }
    }
}
