package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Out-Null: discards its input. */
@Cmdlet(verb = "Out", noun = "Null", synopsis = "Hides the output instead of sending it down the pipeline.")
@Example(code = "New-Item -ItemType Directory /tmp/x | Out-Null", remarks = "Creates a folder quietly.")
public class OutNullCommand extends Command {
    @Parameter(valueFromPipeline = true, help = "The objects to discard.")
    Object inputObject;
}
