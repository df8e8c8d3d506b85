package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Write-Warning: writes to the warning stream (honours -WarningAction). */
@Cmdlet(verb = "Write", noun = "Warning", synopsis = "Writes a warning message.")
@Example(code = "Write-Warning $_.Exception.Message", remarks = "Reports a caught error as a warning.")
public class WriteWarningCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Msg", help = "The message.")
    String message;

    @Override
    public void process(Object input) {
        context().writeWarning(message);
    }
}
