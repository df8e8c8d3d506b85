package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
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

    private final UploadClient client;
    private final UploadSource s;
    private final String url;
    private final boolean replyMode;
    private final FragmentSizer sizer = new FragmentSizer();
    private final FarmHost host;
    private final SourceWatch watch;
    private final UploadProgress progress;
    private String sessionId;
    private long offset;
    private long size;
    private boolean allAcked;
    private String replyUrl;
    private int networkFailures;
    private int newSessions;
    private int stalls;

    UploadRun(UploadClient client, UploadSource session) {
        this.client = client;
        this.s = session;
        this.url = session.remote().toString();
        this.host = new FarmHost(session);
        this.watch = new SourceWatch(session);
        this.progress = new UploadProgress(session);
        this.replyMode = session.job().type() == JobType.UPLOAD_REPLY;
    }

    void run() throws TransferException, TransferStoppedException {
        CustomHeaders.checked(s.secrets().customHeaders(), s.job().type());
        String localName = s.file().localName();
        try (FileChannel source = s.openSource()) {
            size = source.size();
            watch.check(source, size);
            restore();
            while (true) {
                try {
                    if (sessionId == null) {
                        createSession();
                    } else {
                        ping();
                    }
                    try {
                        sendFragments(source, Path.of(localName).getFileName().toString());
                    } finally {
                        flushProgress();
                    }
                    if (replyMode) {
                        new ReplyFetcher(client, s).fetch(resolveReply(host.target(), replyUrl));
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
        host.restore();
        offset = sessionId == null ? 0 : Math.min(s.offset(), size);
        replyUrl = s.state(UploadState.REPLY_URL);
        // A stored offset at the end means the last Ack arrived before the crash (with its reply URL, if any).
        allAcked = sessionId != null && offset == size && size > 0 && (!replyMode || replyUrl != null);
    }

    private void createSession() throws IOException, TransferException {
        Ack ack = client.send(host.target(), BitsProtocol.CREATE_SESSION, null,
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
        progress.record(0, true);
        s.saveState(UploadState.SESSION_ID, sessionId);
        s.connected();
        LOG.debug("upload {}: session {} created", LogText.of(url), sessionId);
        if (ack.hostId() != null) {
            host.adopt(ack.hostId(), ack.hostFallbackSeconds());
            ping();
        }
    }

    /** Ping: sent when an interrupted session resumes and after a BITS-Host-Id. */
    private void ping() throws IOException, TransferException {
        Ack ack = client.send(host.target(), BitsProtocol.PING, sessionId, List.of(), null, s.secrets());
        if (!ack.ok()) {
            throw UploadErrors.fromAck(ack, BitsProtocol.PING, url);
        }
        host.reached();
        s.connected();
    }

    private void sendFragments(FileChannel source, String contentName)
            throws IOException, TransferException, TransferStoppedException {
        while (!allAcked) {
            s.checkStop();
            watch.check(source, size);
            long length = Math.min(sizer.next(), size - offset);
            ContentRange range = ContentRange.of(offset, length, size);
            long started = System.nanoTime();
            Ack ack;
            try {
                ack = client.send(host.target(), BitsProtocol.FRAGMENT, sessionId,
                        List.of(new String[] {"Content-Range", range.format()},
                                new String[] {BitsProtocol.CONTENT_NAME, contentName}),
                        FragmentBody.of(source, offset, length, s), s.secrets());
            } catch (FragmentBody.Stopped stop) {
                throw stop.stop;
            } catch (FileRangeEntity.SourceShrunk e) {
                throw watch.changed();
            }
            host.reached();
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
        progress.record(next, next == size || next < progress.recorded());
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

    /** When the fragment loop ends (done, stopped or failed), records an offset the interval held back. */
    private void flushProgress() {
        if (sessionId == null || offset == progress.recorded()) {
            return;
        }
        try {
            progress.record(offset, true);
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
            Ack ack = client.send(host.target(), BitsProtocol.CLOSE_SESSION, sessionId, List.of(), null, s.secrets());
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
            if (host.fallBackIfDue()) {
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

    private static void pause(int attempt) throws TransferException {
        try {
            Thread.sleep(250L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.E_FAIL, "interrupted");
        }
    }
}
