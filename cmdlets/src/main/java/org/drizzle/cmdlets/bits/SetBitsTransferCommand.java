package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobOptions;

/** Set-BitsTransfer: changes job options (only those given) and optionally takes ownership. */
@Cmdlet(verb = "Set", noun = "BitsTransfer", supportsShouldProcess = true,
        synopsis = "Modifies the properties of a BITS transfer job.",
        description = "Changes the given options of each job; options not given are unchanged. All changes are "
                + "validated before any is applied. -SetOwnerToCurrentUser (administrators) takes ownership.")
@Example(code = "Get-BitsTransfer -Name Nightly | Set-BitsTransfer -Priority Low -RetryInterval 120",
        remarks = "Lowers the priority and slows the retries of one job.")
@Example(code = "Set-BitsTransfer -BitsJob $job -ProxyUsage Override -ProxyList http://proxy:3128",
        remarks = "Sends the job through a proxy.")
public class SetBitsTransferCommand extends JobOptionsCommand {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The jobs to change.")
    BitsJob[] bitsJob;
    @Parameter(help = "Take ownership of the jobs (administrators only).")
    boolean setOwnerToCurrentUser;

    @Override
    public void process(Object input) {
        JobOptions changes = options();
        for (BitsJob job : bitsJob) {
            if (!context().shouldProcess(job.id() + " (" + job.info().displayName() + ")", "Set-BitsTransfer")) {
                continue;
            }
            try {
                if (setOwnerToCurrentUser) {
                    job.update(job.engine().takeOwnership(job.id()));
                }
                job.update(job.engine().setProperties(job.id(), changes));
                writeObject(job);
            } catch (BitsException e) {
                writeError(BitsErrors.of(e, job, "Set-BitsTransfer"));
            }
        }
    }
}
