package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;

/** Complete-BitsTransfer: commits a job's transferred files under their final names. */
@Cmdlet(verb = "Complete", noun = "BitsTransfer", supportsShouldProcess = true,
        synopsis = "Completes a BITS transfer job.",
        description = "Renames the job's finished temporary files to their destination names and ends the job "
                + "(Acknowledged). Files not yet transferred are dropped, with a warning.")
@Example(code = "Get-BitsTransfer | Where-Object JobState -eq Transferred | Complete-BitsTransfer",
        remarks = "Completes every finished job.")
public class CompleteBitsTransferCommand extends BitsJobCommandBase {
    @Override
    protected String commandName() {
        return "Complete-BitsTransfer";
    }

    @Override
    protected void act(BitsJob job) {
        CompleteResult r = job.engine().complete(job.id());
        job.update(r.job());
        if (r.status() != ErrorCodes.S_OK) {
            context().writeWarning(job.id() + ": " + ErrorCodes.describe(r.status()));
        }
    }
}
