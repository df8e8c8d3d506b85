package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ProgressRecord;

/** Write-Progress: shows or updates a progress bar on the terminal (nothing when not interactive). */
@Cmdlet(verb = "Write", noun = "Progress", synopsis = "Displays a progress bar.")
@Example(code = "Write-Progress -Activity Download -Status \"$pct%\" -PercentComplete $pct", remarks = "Updates a bar.")
public class WriteProgressCommand extends Command {
    @Parameter(position = 0, help = "The activity being reported.")
    String activity = "Processing";
    @Parameter(position = 1, help = "The current status.")
    String status = "Processing";
    @Parameter(position = 2, help = "Distinguishes concurrent bars.")
    int id;
    @Parameter(help = "0-100, or -1 when unknown.")
    int percentComplete = -1;
    @Parameter(help = "Accepted for compatibility.")
    int secondsRemaining = -1;
    @Parameter(help = "The current operation.")
    String currentOperation;
    @Parameter(help = "The Id of the bar this one belongs under; bars are drawn one under another, not indented.")
    int parentId = -1;
    @Parameter(help = "Where the record comes from (a number); it changes nothing that is drawn.")
    long sourceId;
    @Parameter(help = "Removes the bar.")
    boolean completed;

    @Override
    public void process(Object input) {
        context().writeProgress(new ProgressRecord(id, activity, status, percentComplete, currentOperation, completed));
    }
}
