package org.drizzle.engine.server;

/** BITSServerNotificationType: how a finished upload reaches the back-end application. */
public enum NotificationType {
    /** 0: the upload is written to its destination; no reply (not allowed for upload-reply). */
    NONE,
    /** 1: the back-end gets the paths of the request and response files (BITS-Request-DataFile-Name). */
    BY_REFERENCE,
    /** 2: the back-end gets the upload as the POST body and answers with the reply body. */
    BY_VALUE
}
