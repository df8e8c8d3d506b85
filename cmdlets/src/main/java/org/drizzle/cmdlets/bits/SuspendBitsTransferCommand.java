package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;

/** Suspend-BitsTransfer: pauses jobs; suspending a suspended job does nothing. */
@Cmdlet(verb = "Suspend", noun = "BitsTransfer", supportsShouldProcess = true,
        synopsis = "Suspends a BITS transfer job.",
        description = "Pauses the jobs; they keep their progress and continue after Resume-BitsTransfer.")
@Example(code = "Get-BitsTransfer -Name Nightly | Suspend-BitsTransfer", remarks = "Suspends the job named Nightly.")
public class SuspendBitsTransferCommand extends BitsJobCommandBase {
    @Override
    protected String commandName() {
        return "Suspend-BitsTransfer";
    }

    @Override
    protected void act(BitsJob job) {
        job.update(job.engine().suspend(job.id()));
        writeObject(job);
    }
}
