package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Write-Error: writes a non-terminating error (terminating under -ErrorAction Stop). */
@Cmdlet(verb = "Write", noun = "Error", synopsis = "Writes an object to the error stream.")
@Example(code = "Write-Error \"Download of $url failed\"", remarks = "Reports an error; the script goes on.")
public class WriteErrorCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Msg", help = "The message.")
    String message;
    @Parameter(help = "An error id for the record.")
    String errorId = "Microsoft.PowerShell.Commands.WriteErrorException";
    @Parameter(help = "The error category.")
    ErrorCategory category = ErrorCategory.NOT_SPECIFIED;
    @Parameter(help = "The object the error is about.")
    Object targetObject;

    @Override
    public void process(Object input) {
        writeError(new ErrorRecord(new RuntimeException(message), errorId, category, targetObject, "Write-Error", 0));
    }
}
