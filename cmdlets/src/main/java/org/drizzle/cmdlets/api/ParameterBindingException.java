package org.drizzle.cmdlets.api;

/**
 * A parameter could not be bound (unknown or ambiguous name, missing mandatory value, bad
 * conversion, unresolvable parameter set). Terminating for the invocation, like PowerShell's
 * ParameterBindingException; the command never runs, so nothing is half-done.
 */
public class ParameterBindingException extends CommandException {
    private static final long serialVersionUID = 1L;

    public ParameterBindingException(String commandName, String errorId, ErrorCategory category,
                                     Object target, String message) {
        super(new ErrorRecord(new IllegalArgumentException(message), errorId, category, target, commandName, 0));
    }

    public ParameterBindingException(String commandName, String errorId, Object target, String message) {
        this(commandName, errorId, ErrorCategory.INVALID_ARGUMENT, target, message);
    }
}
