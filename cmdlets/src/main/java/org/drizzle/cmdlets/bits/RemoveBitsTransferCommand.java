package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;

/** Remove-BitsTransfer: cancels jobs, deleting their temporary and uncommitted files. */
@Cmdlet(verb = "Remove", noun = "BitsTransfer", supportsShouldProcess = true,
        synopsis = "Cancels a BITS transfer job.",
        description = "Cancels the jobs and deletes their temporary files and any finished but uncompleted files.")
@Example(code = "Get-BitsTransfer | Remove-BitsTransfer", remarks = "Removes all of the current user's jobs.")
@Example(code = "Remove-BitsTransfer $job -ErrorAction SilentlyContinue -Confirm:$false",
        remarks = "Removes one job without asking, ignoring a job that is already gone.")
public class RemoveBitsTransferCommand extends BitsJobCommandBase {
    @Override
    protected String commandName() {
        return "Remove-BitsTransfer";
    }

    @Override
    protected void act(BitsJob job) {
        job.update(job.engine().cancel(job.id()));
    }
}
