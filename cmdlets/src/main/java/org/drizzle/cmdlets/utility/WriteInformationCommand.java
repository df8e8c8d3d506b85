package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Write-Information: writes to the information stream, shown with -InformationAction / $InformationPreference Continue. */
@Cmdlet(verb = "Write", noun = "Information", synopsis = "Specifies how PowerShell handles information stream data for a command.")
@Example(code = "Write-Information 'Queued' -InformationAction Continue", remarks = "Shown because of -InformationAction Continue.")
public class WriteInformationCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = {"Msg", "Message"}, help = "The message or object.")
    Object messageData;
    @Parameter(position = 1, help = "Tags for filtering (accepted; not shown).")
    String[] tags;

    @Override
    public void process(Object input) {
        context().writeInformation(messageData);
    }
}
