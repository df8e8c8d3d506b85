package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Write-Verbose: writes to the verbose stream, shown only with -Verbose or $VerbosePreference. */
@Cmdlet(verb = "Write", noun = "Verbose", synopsis = "Writes text to the verbose message stream.")
@Example(code = "Write-Verbose \"Queued $($job.JobId)\" -Verbose", remarks = "Shown because of -Verbose.")
public class WriteVerboseCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Msg", help = "The message.")
    String message;

    @Override
    public void process(Object input) {
        context().writeVerbose(message);
    }
}
