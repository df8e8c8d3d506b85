package org.drizzle.engine.server;

/**
 * One upload session's durable record (BITS-Sessions/{GUID}/session.properties).
 *
 * @param target       the upload's path below the virtual directory (raw, as requested)
 * @param client       the client address that created it, as {@link SessionQuota#clientKey} counts it
 * @param total        the upload's size, fixed by the first Fragment; -1 before
 * @param lastActivity epoch milliseconds of the last progress (the timeout counts from it)
 * @param replyUrl     upload-reply: the BITS-Reply-URL handed out once the reply exists
 * @param forced       bytes of the request file known to be on disk (forced); after a crash the
 *                     file is cut back to this, so an unforced tail can never hold garbage
 */
record UploadSession(String id, String target, String client, long total, Phase phase, long lastActivity, String replyUrl, long forced) {

    /** The server's session state machine [SPEC 3.2.1.4]. */
    enum Phase {
        /** Fragments are arriving. */
        RECEIVING,
        /** Every byte arrived and the file was committed or the back-end answered; waiting for Close. */
        COMPLETE,
        /** Close or Cancel ran; kept as a tombstone so a repeated Close still gets 200. */
        CLOSED
    }

    UploadSession withTotal(long newTotal, long now) {
        return new UploadSession(id, target, client, newTotal, phase, now, replyUrl, forced);
    }

    UploadSession touched(long now) {
        return new UploadSession(id, target, client, total, phase, now, replyUrl, forced);
    }

    UploadSession completed(String reply, long now) {
        return new UploadSession(id, target, client, total, Phase.COMPLETE, now, reply, forced);
    }

    UploadSession withForced(long length) {
        return new UploadSession(id, target, client, total, phase, lastActivity, replyUrl, length);
    }

    UploadSession closed(long now) {
        return new UploadSession(id, target, client, total, Phase.CLOSED, now, replyUrl, forced);
    }
}
