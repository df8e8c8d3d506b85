package org.drizzle.cmdlets.api;

/** A terminating error: stops the pipeline; a script's try/catch sees its ErrorRecord as $_. */
public class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ErrorRecord record;

    public CommandException(ErrorRecord record) {
        super(record.message(), record.exception());
        this.record = record;
    }

    public ErrorRecord record() {
        return record;
    }
}
