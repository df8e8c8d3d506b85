package org.drizzle.engine.transfer.upload;

/**
 * Keys under which the upload transport keeps its durable state with the file
 * ({@code FileSession.saveState}), so an upload resumes after a crash or a reboot.
 */
public final class UploadState {
    /** The server's BITS-Session-Id, echoed verbatim. */
    public static final String SESSION_ID = "upload.sessionId";
    /** BITS-Host-Id: the farm node every later packet goes to. */
    public static final String HOST_ID = "upload.hostId";
    /** BITS-Host-Id-Fallback-Timeout in seconds; absent = never fall back. */
    public static final String HOST_FALLBACK_SECONDS = "upload.hostFallbackSeconds";
    /** Epoch millis since which the host-id node has been unreachable. */
    public static final String HOST_FAILING_SINCE = "upload.hostFailingSince";
    /** The source's size and modification time when the first fragment went out. */
    public static final String SOURCE_SIZE = "upload.sourceSize";
    public static final String SOURCE_MTIME = "upload.sourceMtime";
    /** Upload-reply: the BITS-Reply-URL of the last fragment's Ack. */
    public static final String REPLY_URL = "upload.replyUrl";

    static final String[] ALL = {SESSION_ID, HOST_ID, HOST_FALLBACK_SECONDS, HOST_FAILING_SINCE,
        SOURCE_SIZE, SOURCE_MTIME, REPLY_URL};

    private UploadState() {
    }
}
