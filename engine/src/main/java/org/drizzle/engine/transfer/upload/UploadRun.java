package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.transfer.ContentRange;
import org.drizzle.engine.transfer.CustomHeaders;
import org.drizzle.engine.transfer.FileRangeEntity;
import org.drizzle.engine.transfer.UploadSource;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one upload, following the client state machine of [MC-BUP] 3.1:
 * <ol>
 * <li>Resume a stored session with Ping, or Create-Session (then Ping if a BITS-Host-Id came).</li>
 * <li>Send Fragments from the stored offset; on 200 and 416 the next offset is whatever
 *     BITS-Received-Content-Range says, even backwards; 413 halves the fragment; 500 +
 *     BG_E_SESSION_NOT_FOUND starts a new session from byte 0.</li>
 * <li>Upload-reply: fetch the BITS-Reply-URL of the last Ack into the reply file.</li>
 * <li>Close-Session, retried on 5xx unless the session is unknown.</li>
 * </ol>
 * Session id and host id are saved as they change and the offset at most every 500 ms (and at
 * the end), so a crash resumes at step 1 from a recorded offset the server corrects if needed.
 * A network failure is retried a few times on a fresh connection (Ping first) before it
 * becomes a transient error.
 */
final class UploadRun {
    private static final Logger LOG = LoggerFactory.getLogger(UploadRun.class);
    /** Quick retries of a failed connection within one run, before the scheduler's retry delay. */
    static final int NETWORK_RETRIES = 3;
    /** New sessions allowed in one run before BG_E_SESSION_NOT_FOUND becomes a transient error. */
    static final int MAX_NEW_SESSIONS = 3;
    /** Acks in a row that move the offset nowhere before the server counts as stuck. */
    static final int MAX_STALLS = 5;
    /**
     * Progress is recorded at most this often, plus at the end and when the run stops: the
     * server's offset is authoritative, so a crash only re-sends from the last recorded offset
     * (the server trims the overlap or answers 416 with what it holds).
     */
    static final long RECORD_INTERVAL_NANOS = 500_000_000L;

    private final UploadClient client;
    private final UploadSource s;
    private final URI origin;
    private final String url;
    private final boolean replyMode;
    private final FragmentSizer sizer = new FragmentSizer();
    private URI target;
    private String sessionId;
    private long offset;
    private long size;
    private boolean allAcked;
    private String replyUrl;
    private int networkFailures;
    private int newSessions;
    private int stalls;
    /** Whether HOST_FAILING_SINCE may be set in the store (read once, so Acks need no store read). */
    private boolean hostFailing;
    /** The offset last recorded with UploadSource.recordUploaded (-1: none in this run) and when. */
    private long recordedOffset = -1;
    private long recordedAt;
    /** The source's size and mtime as stored at the first fragment (read once, not per fragment). */
    private String sourceSize;
    private String sourceMtime;

    UploadRun(UploadClient client, UploadSource session) {
        this.client = client;
        this.s = session;
        this.origin = session.remote();
        this.url = origin.toString();
        this.replyMode = session.job().type() == JobType.UPLOAD_REPLY;
    }

    void run() throws TransferException, TransferStoppedException {
        CustomHeaders.checked(s.secrets().customHeaders(), s.job().type());
        String localName = s.file().localName();
        try (FileChannel source = s.openSource()) {
            size = source.size();
            checkSource(source, localName);
            restore();
            while (true) {
                try {
                    if (sessionId == null) {
                        createSession();
                    } else {
                        ping();
                    }
                    try {
                        sendFragments(source, localName);
                    } finally {
                        flushProgress();
                    }
                    if (replyMode) {
                        new ReplyFetcher(client, s).fetch(resolveReply(target, replyUrl));
                    }
                    if (close()) {
                        break;
                    }
                } catch (IOException e) {
                    onNetworkFailure(e);
                }
            }
            clearState();
        } catch (IOException e) {
            throw UploadErrors.local(e, localName);
        }
    }

    private void restore() {
        sessionId = s.state(UploadState.SESSION_ID);
        String host = s.state(UploadState.HOST_ID);
        target = host == null ? origin : withHost(origin, host);
        offset = sessionId == null ? 0 : Math.min(s.offset(), size);
        replyUrl = s.state(UploadState.REPLY_URL);
        hostFailing = s.state(UploadState.HOST_FAILING_SINCE) != null;
        // A stored offset at the end means the last Ack arrived before the crash (with its reply URL, if any).
        allAcked = sessionId != null && offset == size && size > 0 && (!replyMode || replyUrl != null);
    }

    private void createSession() throws IOException, TransferException {
        Ack ack = client.send(target, BitsProtocol.CREATE_SESSION, null,
                List.<String[]>of(new String[] {BitsProtocol.SUPPORTED_PROTOCOLS, BitsProtocol.PROTOCOL_GUID}), null, s.secrets());
        if (!ack.ok()) {
            throw UploadErrors.fromAck(ack, BitsProtocol.CREATE_SESSION, url);
        }
        if (ack.sessionId() == null) {
            throw UploadErrors.protocol("The Create-Session Ack from " + url + " carries no BITS-Session-Id.");
        }
        if (ack.protocol() != null && !ack.protocol().equalsIgnoreCase(BitsProtocol.PROTOCOL_GUID)) {
            throw UploadErrors.protocol("The server chose the unknown upload protocol " + ack.protocol() + ".");
        }
        sessionId = ack.sessionId();
        offset = 0;
        allAcked = false;
        replyUrl = null;
        s.saveState(UploadState.REPLY_URL, null);
        recordProgress(0, true);
        s.saveState(UploadState.SESSION_ID, sessionId);
        s.connected();
        LOG.debug("upload {}: session {} created", LogText.of(url), sessionId);
        if (ack.hostId() != null) {
            s.saveState(UploadState.HOST_ID, ack.hostId());
            s.saveState(UploadState.HOST_FALLBACK_SECONDS,
                    ack.hostFallbackSeconds() == null ? null : ack.hostFallbackSeconds().toString());
            target = withHost(origin, ack.hostId());
            ping();
        }
    }

    /** Ping: sent when an interrupted session resumes and after a BITS-Host-Id. */
    private void ping() throws IOException, TransferException {
        Ack ack = client.send(target, BitsProtocol.PING, sessionId, List.of(), null, s.secrets());
        if (!ack.ok()) {
            throw UploadErrors.fromAck(ack, BitsProtocol.PING, url);
        }
        hostReached();
        s.connected();
    }

    private void sendFragments(FileChannel source, String localName)
            throws IOException, TransferException, TransferStoppedException {
        String contentName = Path.of(localName).getFileName().toString();
        while (!allAcked) {
            s.checkStop();
            checkSource(source, localName);
            long length = Math.min(sizer.next(), size - offset);
            ContentRange range = ContentRange.of(offset, length, size);
            long started = System.nanoTime();
            Ack ack;
            try {
                ack = client.send(target, BitsProtocol.FRAGMENT, sessionId,
                        List.of(new String[] {"Content-Range", range.format()},
                                new String[] {BitsProtocol.CONTENT_NAME, contentName}),
                        FragmentBody.of(source, offset, length, s), s.secrets());
            } catch (FragmentBody.Stopped stop) {
                throw stop.stop;
            } catch (FileRangeEntity.SourceShrunk e) {
                throw changed(localName);
            }
            hostReached();
            if (ack.status() == 200 || ack.status() == 416) {
                accept(ack, range);
                if (ack.status() == 200) {
                    sizer.record(length, System.nanoTime() - started);
                    networkFailures = 0;
                }
            } else if (ack.status() == 413) {
                if (!sizer.shrink(length)) {
                    throw UploadErrors.fromAck(ack, BitsProtocol.FRAGMENT, url);
                }
                LOG.debug("upload {}: 413 for {} bytes, fragments now {} bytes", LogText.of(url), length, sizer.next());
            } else if (ack.sessionNotFound()) {
                newSession();
            } else {
                throw UploadErrors.fromAck(ack, BitsProtocol.FRAGMENT, url);
            }
        }
    }

    /** 200 or 416: adopt the server's next offset, whatever it is. */
    private void accept(Ack ack, ContentRange sent) throws IOException, TransferException {
        long next = ack.received();
        if (next < 0 || next > size) {
            throw UploadErrors.protocol("The Fragment Ack (HTTP " + ack.status() + ") for " + sent.format()
                    + " has no usable BITS-Received-Content-Range.");
        }
        if (next < offset) {
            LOG.info("upload {}: server holds {} bytes, fewer than the {} it acknowledged; re-sending", LogText.of(url), next, offset);
        }
        if (next <= sent.first() && sent.length() > 0) {
            if (++stalls > MAX_STALLS) {
                throw UploadErrors.protocol("The server at " + url + " keeps answering " + next
                        + " without taking the fragment " + sent.format() + ".");
            }
        } else {
            stalls = 0;
        }
        offset = next;
        // A lower offset is recorded at once, so a crash never resumes above what the server holds.
        recordProgress(next, next == size || next < recordedOffset);
        if (next == size && (size > 0 || ack.status() == 200)) {
            if (replyMode && ack.replyUrl() == null) {
                throw new TransferException(ErrorContext.REMOTE_APPLICATION, ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH,
                        "The last Fragment Ack from " + url + " carries no BITS-Reply-URL.");
            }
            replyUrl = ack.replyUrl();
            if (replyMode) {
                s.saveState(UploadState.REPLY_URL, replyUrl);
            }
            allAcked = true;
        }
    }

    /** Records {@code uploaded} when forced, on the first Ack that moves past 0, or once the record interval has passed. */
    private void recordProgress(long uploaded, boolean force) throws IOException {
        long now = System.nanoTime();
        // The first progress of a run or a session (nothing or 0 recorded yet) is recorded at once.
        if (force || recordedOffset <= 0 || now - recordedAt >= RECORD_INTERVAL_NANOS) {
            s.recordUploaded(uploaded);
            recordedOffset = uploaded;
            recordedAt = now;
        }
    }

    /** When the fragment loop ends (done, stopped or failed), records an offset the interval held back. */
    private void flushProgress() {
        if (sessionId == null || offset == recordedOffset) {
            return;
        }
        try {
            recordProgress(offset, true);
        } catch (IOException e) {
            // The run is ending anyway; a resume re-reads the server's offset from its next Ack.
            LOG.debug("upload {}: progress {} not recorded: {}", LogText.of(url), offset, LogText.of(e.toString()));
        }
    }

    private void newSession() throws IOException, TransferException {
        if (++newSessions > MAX_NEW_SESSIONS) {
            throw new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_SESSION_NOT_FOUND,
                    "The server keeps losing the upload session.");
        }
        LOG.info("upload {}: session {} unknown to the server; starting a new one", LogText.of(url), sessionId);
        sessionId = null;
        s.saveState(UploadState.SESSION_ID, null);
        createSession();
    }

    /**
     * Close-Session, resent on 5xx unless the session is unknown. Returns false when the
     * server lost the session before Close: the upload starts over with a new one.
     */
    private boolean close() throws IOException, TransferException {
        for (int attempt = 1; ; attempt++) {
            Ack ack = client.send(target, BitsProtocol.CLOSE_SESSION, sessionId, List.of(), null, s.secrets());
            if (ack.ok()) {
                return true;
            }
            if (ack.sessionNotFound()) {
                newSession();
                return false;
            }
            if (ack.status() < 500 || attempt > NETWORK_RETRIES) {
                throw UploadErrors.fromAck(ack, BitsProtocol.CLOSE_SESSION, url);
            }
            pause(attempt);
        }
    }

    /** Retries on a fresh connection (Ping first) a few times, honouring the host-id fallback timeout. */
    private void onNetworkFailure(IOException e) throws TransferException {
        LOG.debug("upload {}: network failure {}", LogText.of(url), LogText.of(e.toString()));
        try {
            if (fallBackIfDue()) {
                // The original host is a new start: the node's failures do not count against it.
                networkFailures = 0;
                return;
            }
        } catch (IOException io) {
            throw UploadErrors.local(io, s.file().localName());
        }
        if (++networkFailures > NETWORK_RETRIES) {
            throw UploadErrors.network(e, url);
        }
        pause(networkFailures);
    }

    /**
     * After BITS-Host-Id-Fallback-Timeout seconds without reaching the farm node, returns to the
     * original host (and says so). The timer starts at the first failure to reach the node, is
     * stored (so it spans retries, runs and engine restarts) and stops when the node answers.
     */
    private boolean fallBackIfDue() throws IOException {
        if (target.equals(origin)) {
            return false;
        }
        long now = System.currentTimeMillis();
        String since = s.state(UploadState.HOST_FAILING_SINCE);
        if (since == null) {
            s.saveState(UploadState.HOST_FAILING_SINCE, Long.toString(now));
            since = Long.toString(now);
        }
        hostFailing = true;
        String limit = s.state(UploadState.HOST_FALLBACK_SECONDS);
        if (limit != null && now - Long.parseLong(since) >= Long.parseLong(limit) * 1000) {
            LOG.info("upload {}: host {} unreachable for {} s; falling back to the original host", LogText.of(url), LogText.of(target.getHost()), limit);
            target = origin;
            s.saveState(UploadState.HOST_ID, null);
            s.saveState(UploadState.HOST_FAILING_SINCE, null);
            hostFailing = false;
            return true;
        }
        return false;
    }

    private void hostReached() throws IOException {
        if (hostFailing) {
            s.saveState(UploadState.HOST_FAILING_SINCE, null);
            hostFailing = false;
        }
    }

    /** Size and mtime are recorded before the first fragment; any change afterwards is BG_E_LOCAL_FILE_CHANGED. */
    private void checkSource(FileChannel source, String localName) throws IOException, TransferException {
        long now = source.size();
        String mtime = mtime(localName);
        if (sourceSize == null) {
            sourceSize = s.state(UploadState.SOURCE_SIZE);
            sourceMtime = s.state(UploadState.SOURCE_MTIME);
        }
        if (sourceSize == null) {
            s.saveState(UploadState.SOURCE_SIZE, Long.toString(now));
            s.saveState(UploadState.SOURCE_MTIME, mtime);
            sourceSize = Long.toString(now);
            sourceMtime = mtime;
            return;
        }
        if (Long.parseLong(sourceSize) != now || now != size
                || (sourceMtime != null && mtime != null && !sourceMtime.equals(mtime))) {
            throw changed(localName);
        }
    }

    private static String mtime(String localName) {
        try {
            return Long.toString(Files.getLastModifiedTime(Path.of(localName)).toMillis());
        } catch (IOException | SecurityException e) {
            return null; // unreadable attributes: the size check still applies
        }
    }

    private static TransferException changed(String localName) {
        return new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.BG_E_LOCAL_FILE_CHANGED,
                localName + " changed after its upload began.");
    }

    private void clearState() throws TransferException {
        try {
            for (String key : UploadState.ALL) {
                s.saveState(key, null);
            }
        } catch (IOException e) {
            throw UploadErrors.local(e, s.file().localName());
        }
    }

    /** IIS sends relative replies with backslashes and braces: resolve against the upload URL. */
    static URI resolveReply(URI upload, String reply) throws TransferException {
        String fixed = reply.replace('\\', '/').replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
        try {
            return upload.resolve(new URI(fixed));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw UploadErrors.protocol("BITS-Reply-URL '" + reply + "' is not a URL.");
        }
    }

    static URI withHost(URI uri, String host) {
        try {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return new URI(uri.getScheme() + "://" + h + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static void pause(int attempt) throws TransferException {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.E_FAIL, "interrupted");
        }
    }
}
