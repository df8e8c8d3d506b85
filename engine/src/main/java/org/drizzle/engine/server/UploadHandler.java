package org.drizzle.engine.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.transfer.upload.BitsProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers BITS_POST packets for one virtual directory in the order [SPEC 3.2.5.2.3] gives:
 * syntax (400) → uploads enabled (501) → Content-Length present (411) → session known
 * (500 BG_E_SESSION_NOT_FOUND, except Create-Session and Ping) → the packet itself.
 * Every answer is an Ack with Content-Length (0) and no body.
 */
final class UploadHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UploadHandler.class);
    /** Windows' header value limit. */
    static final int MAX_HEADER_VALUE = 4096;

    private final VirtualDirectory vdir;
    private final SessionStore store;
    private final FragmentReceiver fragments;
    private final String hostId;
    private final Long hostIdFallbackSeconds;

    UploadHandler(VirtualDirectory vdir, SessionStore store, FragmentReceiver fragments,
                  String hostId, Long hostIdFallbackSeconds) {
        this.vdir = vdir;
        this.store = store;
        this.fragments = fragments;
        this.hostId = hostId;
        this.hostIdFallbackSeconds = hostIdFallbackSeconds;
    }

    /** One BITS_POST from {@code client} (its {@link SessionQuota#clientKey}). */
    void handle(String relative, String requestUrl, String client, ClassicHttpRequest request, ClassicHttpResponse response) {
        response.setHeader(BitsProtocol.PACKET_TYPE, BitsProtocol.ACK);
        response.setHeader("Pragma", "no-cache");
        try {
            for (Header h : request.getHeaders()) {
                if (h.getValue() != null && h.getValue().length() > MAX_HEADER_VALUE) {
                    throw new AckException(400, ErrorCodes.E_INVALIDARG, "Header " + h.getName() + " is longer than 4 KB.");
                }
            }
            String type = header(request, BitsProtocol.PACKET_TYPE);
            if (type == null) {
                throw new AckException(400, ErrorCodes.E_INVALIDARG, "BITS-Packet-Type is missing.");
            }
            if (!vdir.uploadsEnabled()) {
                throw new AckException(501, ErrorCodes.E_ACCESSDENIED, "BITS uploads are not enabled on " + vdir.prefix() + ".");
            }
            if (request.getFirstHeader("Content-Length") == null) {
                throw new AckException(411, ErrorCodes.E_INVALIDARG, "Content-Length is required on every BITS packet.");
            }
            switch (type.trim().toLowerCase(Locale.ROOT)) {
                case "ping" -> response.setCode(200);
                case "create-session" -> createSession(relative, client, request, response);
                case "fragment" -> fragments.receive(session(request, response), relative, requestUrl, request, response);
                case "close-session" -> close(session(request, response), response, false);
                case "cancel-session" -> close(session(request, response), response, true);
                default -> throw new AckException(400, ErrorCodes.E_INVALIDARG, "Unknown BITS-Packet-Type '" + type + "'.");
            }
        } catch (AckException e) {
            LOG.debug("{} {} -> {} {}: {}", request.getMethod(), LogText.of(requestUrl), e.status(), ErrorCodes.hex(e.code()), LogText.of(e.getMessage()));
            response.setCode(e.status());
            if (e.code() != 0) {
                response.setHeader(BitsProtocol.ERROR_CODE, BitsProtocol.hex(e.code()));
                response.setHeader(BitsProtocol.ERROR_CONTEXT, BitsProtocol.hex(e.context()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} {} failed: {}", request.getMethod(), LogText.of(requestUrl), LogText.of(e.toString()));
            response.setCode(500);
            response.setHeader(BitsProtocol.ERROR_CODE, BitsProtocol.hex(diskCode(e)));
            response.setHeader(BitsProtocol.ERROR_CONTEXT, BitsProtocol.hex(BitsProtocol.CONTEXT_REMOTE_FILE));
        }
    }

    private void createSession(String relative, String client, ClassicHttpRequest request, ClassicHttpResponse response)
            throws AckException, IOException {
        String offered = header(request, BitsProtocol.SUPPORTED_PROTOCOLS);
        boolean common = false;
        if (offered != null) {
            for (String guid : offered.trim().split("[\\s,]+")) {
                common |= guid.equalsIgnoreCase(BitsProtocol.PROTOCOL_GUID);
            }
        }
        if (!common) {
            throw new AckException(400, ErrorCodes.E_INVALIDARG, "No common upload protocol in '" + offered + "'.");
        }
        Path target = RemotePaths.uploadTarget(vdir, relative);
        if (Files.exists(target) && !vdir.allowOverwrites()) {
            throw new AckException(409, ErrorCodes.E_ACCESSDENIED, "The file exists and overwrites are not allowed.");
        }
        UploadSession session = store.create(relative, client);
        LOG.info("Upload session {} created for {}{} by {}", session.id(), vdir.prefix(), LogText.of(relative), client);
        response.setCode(200);
        response.setHeader(BitsProtocol.PROTOCOL, BitsProtocol.PROTOCOL_GUID);
        response.setHeader(BitsProtocol.SESSION_ID, session.id());
        response.setHeader("Accept-Encoding", "Identity");
        if (hostId != null) {
            response.setHeader(BitsProtocol.HOST_ID, hostId);
            if (hostIdFallbackSeconds != null) {
                response.setHeader(BitsProtocol.HOST_ID_FALLBACK_TIMEOUT, hostIdFallbackSeconds.toString());
            }
        }
    }

    private UploadSession session(ClassicHttpRequest request, ClassicHttpResponse response)
            throws AckException, IOException {
        String id = header(request, BitsProtocol.SESSION_ID);
        UploadSession session = store.load(id);
        if (session == null) {
            throw new AckException(500, ErrorCodes.BG_E_SESSION_NOT_FOUND, "Unknown upload session '" + id + "'.");
        }
        response.setHeader(BitsProtocol.SESSION_ID, session.id());
        return session;
    }

    /**
     * Close and Cancel both release the session; Close after the last byte keeps the committed
     * file, Cancel before it deletes the partial entity. Repeating either is answered 200.
     */
    private void close(UploadSession session, ClassicHttpResponse response, boolean cancel) throws IOException {
        synchronized (store.lock(session.id())) {
            UploadSession current = store.load(session.id());
            if (current != null && current.phase() != UploadSession.Phase.CLOSED) {
                store.close(current);
                LOG.info("Upload session {} {} ({})", current.id(), cancel ? "cancelled" : "closed",
                        current.phase() == UploadSession.Phase.COMPLETE ? "file committed" : "partial upload deleted");
            }
        }
        response.setCode(200);
    }

    private static int diskCode(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("no space") ? ErrorCodes.ERROR_DISK_FULL : ErrorCodes.E_FAIL;
    }

    static String header(ClassicHttpRequest request, String name) {
        Header h = request.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }
}
