package org.drizzle.engine.job;

/** {@code BG_ERROR_CONTEXT}: where an error came from. */
public enum ErrorContext {
    NONE(0, "No error."),
    UNKNOWN(1, "The error context is unknown."),
    GENERAL_QUEUE_MANAGER(2, "The error occurred in the transfer queue manager."),
    QUEUE_MANAGER_NOTIFICATION(3, "The error occurred while the queue manager was notifying the client."),
    LOCAL_FILE(4, "The error occurred while processing the local file."),
    REMOTE_FILE(5, "The error occurred while processing the remote file."),
    GENERAL_TRANSPORT(6, "The error occurred in the transport layer."),
    REMOTE_APPLICATION(7, "The error occurred in the server application."),
    SERVER_CERTIFICATE_CALLBACK(8, "The error occurred in the server certificate validation callback.");

    private final int value;
    private final String description;

    ErrorContext(int value, String description) {
        this.value = value;
        this.description = description;
    }

    public int value() {
        return value;
    }

    /** The text BITS gives as ErrorContextDescription. */
    public String description() {
        return description;
    }

    /** PowerShell spelling, e.g. {@code BG_ERROR_CONTEXT_REMOTE_FILE}. */
    public String displayName() {
        return "BG_ERROR_CONTEXT_" + name();
    }

    public static ErrorContext parse(String text) {
        String t = text.startsWith("BG_ERROR_CONTEXT_") ? text.substring(17) : text;
        return Names.parse(ErrorContext.class, t);
    }
}
