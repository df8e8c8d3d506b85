package org.drizzle.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.transfer.upload.BitsProtocol;
import org.drizzle.engine.transfer.ContentRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Fragments into a session's request file. With {@code E} = bytes held:
 * a fragment starting past {@code E} gets 416 + {@code E}; one ending before {@code E} (a
 * duplicate) gets 416 + {@code E}; one straddling {@code E} has its already-held prefix
 * skipped and the rest appended, so held bytes are never overwritten. The size limit is
 * checked against the first Fragment's total. When the last byte arrives the upload is
 * committed atomically to its final name, or handed to the back-end for upload-reply;
 * a repeated last Fragment afterwards gets the same Ack again.
 */
final class FragmentReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(FragmentReceiver.class);
    private static final int BUFFER = 1 << 20;
    /**
     * Bytes appended between forces. Forcing every fragment would serialise the upload on the
     * disk; instead a background force records the forced length every so often (and the
     * commit and a graceful stop force synchronously), and start-up recovery cuts a session
     * back to it.
     */
    static final long FORCE_EVERY = 128L << 20;
    static final long ACTIVITY_PRECISION_MILLIS = 60_000;

    private final VirtualDirectory vdir;
    private final SessionStore store;
    private final BackEndNotifier notifier;

    FragmentReceiver(VirtualDirectory vdir, SessionStore store, BackEndNotifier notifier) {
        this.vdir = vdir;
        this.store = store;
        this.notifier = notifier;
    }

    void receive(UploadSession known, String relative, String requestUrl, ClassicHttpRequest request,
                 ClassicHttpResponse response) throws AckException, IOException {
        ContentRange range = ContentRange.parse(UploadHandler.header(request, "Content-Range"));
        if (range == null || range.total() < 0) {
            throw new AckException(400, ErrorCodes.E_INVALIDARG,
                    "Malformed Content-Range '" + UploadHandler.header(request, "Content-Range") + "'.");
        }
        long length = Long.parseLong(UploadHandler.header(request, "Content-Length").trim());
        if (length != range.length()) {
            throw new AckException(400, ErrorCodes.E_INVALIDARG,
                    "Content-Length " + length + " does not match Content-Range " + range.format() + ".");
        }
        synchronized (store.lock(known.id())) {
            UploadSession session = store.load(known.id());
            if (session == null || session.phase() == UploadSession.Phase.CLOSED) {
                throw new AckException(500, ErrorCodes.BG_E_SESSION_NOT_FOUND, "Upload session " + known.id() + " is closed.");
            }
            if (session.total() >= 0 && session.total() != range.total()) {
                throw new AckException(400, ErrorCodes.E_INVALIDARG,
                        "The total length changed from " + session.total() + " to " + range.total() + ".");
            }
            if (session.phase() == UploadSession.Phase.COMPLETE) {
                ack(response, 200, session.total(), session.replyUrl());
                return;
            }
            if (session.total() < 0) {
                if (range.total() > vdir.maxUploadSize()) {
                    throw new AckException(500, ErrorCodes.BG_E_TOO_LARGE, "The upload of " + range.total()
                            + " bytes exceeds the maximum upload size of " + vdir.maxUploadSize() + " bytes.");
                }
                session = session.withTotal(range.total(), store.now());
                store.save(session);
            }
            Path file = store.requestFile(session.id());
            long held = Files.size(file);
            if (range.length() > 0 && held < session.total()) {
                if (range.first() > held || range.last() < held) {
                    ack(response, 416, held, null);
                    return;
                }
                held = append(file, held, range, request.getEntity());
                // The held length is the file's; the record only carries the activity time, which
                // needs no more than a tenth of the timeout's precision (at most a minute).
                long precision = Math.min(ACTIVITY_PRECISION_MILLIS, vdir.sessionTimeout().toMillis() / 10);
                if (store.now() - session.lastActivity() >= precision) {
                    session = session.touched(store.now());
                    store.save(session);
                }
                if (held - session.forced() >= FORCE_EVERY && held < session.total()) {
                    store.forceLater(session.id());
                }
            }
            // Also reached again when an earlier commit or notification failed: it is retried.
            if (held == session.total()) {
                session = complete(session, file, requestUrl);
            }
            ack(response, 200, held, session.replyUrl());
        }
    }

    /** Appends the part of the body at and after {@code held}; returns the new held length. */
    private long append(Path file, long held, ContentRange range, HttpEntity entity) throws IOException {
        long skip = held - range.first();
        long want = range.last() + 1 - held;
        try (InputStream in = entity.getContent();
             FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            out.position(held);
            in.skipNBytes(skip);
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(want, 1)));
            long written = 0;
            // Whatever arrives is held contiguously, even if the body ends early; the Ack tells the client.
            while (written < want) {
                int n = in.read(buf.array(), 0, (int) Math.min(buf.capacity(), want - written));
                if (n < 0) {
                    break;
                }
                buf.limit(n).position(0);
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                buf.clear();
                written += n;
            }
            if (written < want) {
                throw new IOException("The fragment ended after " + written + " of " + want + " new bytes.");
            }
            return held + written;
        }
    }

    /** The last byte arrived: commit to the final name, or notify the back-end (upload-reply). */
    private UploadSession complete(UploadSession session, Path file, String requestUrl) throws AckException, IOException {
        session = SessionStore.force(session, file);
        String reply = null;
        if (vdir.notificationType() == NotificationType.NONE) {
            commit(session, file);
        } else {
            Path replyFile = store.replyFile(session.id());
            Files.createDirectories(replyFile.getParent());
            BackEndNotifier.Outcome outcome = notifier.notify(vdir, requestUrl, file, replyFile);
            if (outcome.copyToDestination()) {
                commit(session, file);
            }
            reply = outcome.staticReplyUrl() != null ? outcome.staticReplyUrl()
                    : BitsServer.encodePath(vdir.prefix().equals("/") ? "" : vdir.prefix()) + "/" + RemotePaths.SESSIONS_FOLDER
                    + "/" + SessionStore.REPLIES + "/" + session.id().replace("{", "%7B").replace("}", "%7D")
                    + "/" + SessionStore.REPLY_FILE;
            Files.deleteIfExists(file);
        }
        UploadSession done = session.completed(reply, store.now());
        store.save(done);
        LOG.info("Upload session {}: all {} bytes of {}{} received", session.id(), session.total(), vdir.prefix(), LogText.of(session.target()));
        return done;
    }

    /** Moves the request file to its final name atomically; without overwrites a link refuses an existing name. */
    private void commit(UploadSession session, Path file) throws AckException, IOException {
        Path target = RemotePaths.uploadTarget(vdir, session.target());
        RemotePaths.createParents(vdir.root(), target);
        if (vdir.allowOverwrites()) {
            SessionStore.move(file, target, true);
            return;
        }
        try {
            Files.createLink(target, file);
            Files.delete(file);
        } catch (FileAlreadyExistsException e) {
            throw new AckException(409, ErrorCodes.E_ACCESSDENIED, "The file exists and overwrites are not allowed.");
        } catch (UnsupportedOperationException e) {
            if (Files.exists(target)) {
                throw new AckException(409, ErrorCodes.E_ACCESSDENIED, "The file exists and overwrites are not allowed.");
            }
            SessionStore.move(file, target, false);
        }
    }

    private static void ack(ClassicHttpResponse response, int status, long next, String replyUrl) {
        response.setCode(status);
        response.setHeader(BitsProtocol.RECEIVED_CONTENT_RANGE, Long.toString(next));
        if (replyUrl != null) {
            response.setHeader(BitsProtocol.REPLY_URL, replyUrl);
        }
    }
}
