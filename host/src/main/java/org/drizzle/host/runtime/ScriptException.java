package org.drizzle.host.runtime;

import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.host.lex.SourcePosition;

/**
 * A script-terminating error: {@code throw}, an error under -ErrorAction Stop, or a runtime
 * error while $ErrorActionPreference is Stop. Unlike a plain {@link CommandException}
 * (statement-terminating: the script goes on with the next statement), it unwinds to the
 * nearest try/catch or ends the script. Carries where it happened.
 */
public class ScriptException extends CommandException {
    private static final long serialVersionUID = 1L;
    private final transient SourcePosition position;

    public ScriptException(ErrorRecord record, SourcePosition position) {
        super(record);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
