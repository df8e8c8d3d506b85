package org.drizzle.engine.transfer;

import java.io.IOException;
import java.util.List;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.RemoteValidator;

/**
 * A file added with ranges (IBackgroundCopyJob3::AddFileWithRanges): the ranges of the remote
 * file are fetched in order and concatenated into the local file. The remote size is learned
 * first (HEAD, or {@code Range: bytes=0-0} when HEAD gives none) so that a range past the end
 * fails with BG_E_INVALID_RANGE before anything is written. The session's offset counts local
 * bytes, so a resume finds its range by walking the list.
 */
final class RangedDownload {
    private final HttpDownload http;
    private final DownloadSink session;
    private final List<ByteRange> ranges;

    RangedDownload(HttpDownload http, List<ByteRange> ranges) {
        this.http = http;
        this.session = http.session();
        this.ranges = ranges;
    }

    void run() throws TransferException, TransferStoppedException {
        RemoteValidator recorded = session.recordedValidator();
        RemoteValidator current = probe();
        checkRanges(current.size());
        if (recorded == null) {
            http.recordRemote(current);
        } else if (recorded.changedTo(current)) {
            http.restartWith(current);
        }
        int attempts = 0;
        while (true) {
            session.checkStop();
            long local = session.offset();
            long remoteStart = -1;
            long remoteEnd = -1;
            long before = 0;
            for (ByteRange r : ranges) {
                long length = r.toEof() ? current.size() - r.initialOffset() : r.length();
                if (local < before + length) {
                    remoteStart = r.initialOffset() + (local - before);
                    remoteEnd = r.initialOffset() + length - 1;
                    break;
                }
                before += length;
            }
            if (remoteStart < 0) {
                http.finish();
                return;
            }
            if (++attempts > ranges.size() * 4 + 8) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT,
                        http.remote() + " keeps answering ranges incompletely.");
            }
            fetch(remoteStart, remoteEnd, current);
            RemoteValidator now = session.recordedValidator();
            if (now != null && now != current && current.changedTo(now)) {
                current = now;
                checkRanges(current.size());
            }
        }
    }

    /** Fetches remote bytes {@code first..last}; a changed file restarts the local file. */
    private void fetch(long first, long last, RemoteValidator current) throws TransferException, TransferStoppedException {
        ClassicHttpRequest request = http.ranged("GET", first, last, HttpDownload.ifRange(current));
        HttpClientContext context = http.context();
        try (ClassicHttpResponse response = http.execute(request, context)) {
            int code = response.getCode();
            if (code == 200) {
                // If-Range failed: a new version. Start the local file over against it.
                http.restartWith(HttpDownload.validator(response, response.getEntity().getContentLength()));
                return;
            }
            if (code != 206) {
                throw http.failure(response, context);
            }
            ContentRange range = ContentRange.parse(HttpDownload.header(response, "Content-Range"));
            if (range == null || range.first() != first) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT,
                        http.remote() + " answered bytes " + first + "-" + last + " with Content-Range "
                                + HttpDownload.header(response, "Content-Range") + ".");
            }
            RemoteValidator seen = HttpDownload.validator(response, range.total());
            if (current.changedTo(seen)) {
                http.restartWith(seen);
                return;
            }
            http.copy(response.getEntity().getContent(), Math.min(range.last(), last) - first + 1);
            EntityUtils.consume(response.getEntity());
        } catch (IOException e) {
            throw HttpFailures.network(e, http.remote());
        }
    }

    /** The remote version: HEAD, or a one-byte ranged GET when HEAD gives no size. */
    private RemoteValidator probe() throws TransferException, TransferStoppedException {
        HttpClientContext context = http.context();
        ClassicHttpRequest head = new org.apache.hc.client5.http.classic.methods.HttpHead(session.remote());
        try (ClassicHttpResponse response = http.execute(head, context)) {
            int code = response.getCode();
            String length = HttpDownload.header(response, "Content-Length");
            if (code == 200 && length != null) {
                http.reportRedirect(context);
                return HttpDownload.validator(response, Long.parseLong(length.trim()));
            }
            if (code == 404 || code == 403 || code == 401 || code == 410 || code == 407) {
                throw http.failure(response, context);
            }
        } catch (IOException e) {
            throw HttpFailures.network(e, http.remote());
        }
        context = http.context();
        try (ClassicHttpResponse response = http.execute(http.ranged("GET", 0, 0, null), context)) {
            if (response.getCode() == 200) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_RANGE_SUPPORT,
                        http.remote() + " answered a Range request with the whole file (HTTP 200).");
            }
            if (response.getCode() != 206) {
                throw http.failure(response, context);
            }
            ContentRange range = ContentRange.parse(HttpDownload.header(response, "Content-Range"));
            if (range == null || !range.hasBytes() || range.total() < 0) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_MISSING_FILE_SIZE,
                        http.remote() + " did not say the file size.");
            }
            http.reportRedirect(context);
            return HttpDownload.validator(response, range.total());
        } catch (IOException e) {
            throw HttpFailures.network(e, http.remote());
        }
    }

    private void checkRanges(long size) throws TransferException {
        for (ByteRange r : ranges) {
            long end = r.toEof() ? size : r.initialOffset() + r.length();
            if (r.initialOffset() > size || end > size || (r.toEof() && r.initialOffset() >= size)) {
                throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INVALID_RANGE,
                        "The range " + r.initialOffset() + ":" + (r.toEof() ? "eof" : r.length())
                                + " lies beyond the end of " + http.remote() + " (" + size + " bytes).");
            }
        }
    }
}
