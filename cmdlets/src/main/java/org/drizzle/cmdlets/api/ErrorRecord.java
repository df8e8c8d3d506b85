package org.drizzle.cmdlets.api;

/**
 * An error written by a command (non-terminating) or carried by a {@link CommandException}
 * (terminating). {@code $_} in a catch block and {@code $Error[0]} are ErrorRecords; scripts
 * read {@code .Exception.Message}, {@code .FullyQualifiedErrorId}, {@code .CategoryInfo} and
 * {@code .TargetObject}.
 *
 * @param errorId  e.g. "JobNotFound" (FullyQualifiedErrorId adds ",Command-Name")
 * @param hresult  the BITS HRESULT when the error came from the engine, else 0
 */
public record ErrorRecord(Throwable exception, String errorId, ErrorCategory category,
                          Object targetObject, String commandName, int hresult) {

    public ErrorRecord(Throwable exception, String errorId, ErrorCategory category, Object targetObject) {
        this(exception, errorId, category, targetObject, null, 0);
    }

    public String message() {
        return exception.getMessage();
    }

    public ErrorRecord withCommand(String name) {
        return new ErrorRecord(exception, errorId, category, targetObject, name, hresult);
    }

    public String fullyQualifiedErrorId() {
        return commandName == null ? errorId : errorId + "," + commandName;
    }

    @Override
    public String toString() {
        return message();
    }
}
