package org.drizzle.host.runtime;

/**
 * break or continue that left the script block it was written in (PowerShell lets it
 * unwind to an enclosing loop in a caller; at the top it ends the script). No stack trace.
 */
public final class FlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String keyword;
    private final String label;

    public FlowException(String keyword, String label) {
        super(keyword + (label == null ? "" : " " + label), null, false, false);
        this.keyword = keyword;
        this.label = label;
    }

    public String keyword() {
        return keyword;
    }

    public String label() {
        return label;
    }
}
