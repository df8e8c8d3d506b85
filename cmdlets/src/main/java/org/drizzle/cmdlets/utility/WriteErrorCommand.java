package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Write-Error: writes a non-terminating error (terminating under -ErrorAction Stop). */
@Cmdlet(verb = "Write", noun = "Error", defaultParameterSet = "NoException", synopsis = "Writes an object to the error stream.")
@Example(code = "Write-Error \"Download of $url failed\"", remarks = "Reports an error; the script goes on.")
public class WriteErrorCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Msg", parameterSet = "NoException",
            help = "The message.")
    @Parameter(parameterSet = "WithException")
    String message;
    @Parameter(mandatory = true, parameterSet = "WithException", help = "The exception to report (such as $_.Exception).")
    Object exception;
    @Parameter(mandatory = true, parameterSet = "ErrorRecord", help = "An error record to write again (such as $_).")
    ErrorRecord errorRecord;
    @Parameter(help = "An error id for the record.")
    String errorId = "Microsoft.PowerShell.Commands.WriteErrorException";
    @Parameter(help = "The error category.")
    ErrorCategory category = ErrorCategory.NOT_SPECIFIED;
    @Parameter(help = "The object the error is about.")
    Object targetObject;

    @Override
    public void process(Object input) {
        if (errorRecord != null) {
            writeError(errorRecord);
            return;
        }
        Throwable cause = exception instanceof Throwable t ? t
                : exception != null ? new RuntimeException(LanguagePrimitives.toStr(exception)) : null;
        Throwable shown = message != null ? new RuntimeException(message, cause) : cause != null ? cause
                : new RuntimeException("");
        writeError(new ErrorRecord(shown, errorId, category, targetObject, "Write-Error", 0));
    }
}
