package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Write-Debug: writes to the debug stream, shown only with -Debug or $DebugPreference = 'Continue'. */
@Cmdlet(verb = "Write", noun = "Debug", synopsis = "Writes a debug message to the console.")
@Example(code = "Write-Debug \"State: $($job.JobState)\" -Debug", remarks = "Shown because of -Debug.")
public class WriteDebugCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Msg", help = "The message.")
    String message;

    @Override
    public void process(Object input) {
        context().writeDebug(message);
    }
}
