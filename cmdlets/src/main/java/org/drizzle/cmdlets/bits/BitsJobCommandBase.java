package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.job.BitsException;

/**
 * Base of the cmdlets that act on given jobs (Suspend, Resume, Complete, Remove, Set): binds
 * -BitsJob from the pipeline by value, asks shouldProcess (-WhatIf/-Confirm) per job, and
 * turns an engine refusal into a non-terminating error for that job so the rest go on.
 */
abstract class BitsJobCommandBase extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The jobs (from Get-BitsTransfer).")
    BitsJob[] bitsJob;

    /** The cmdlet name, for -WhatIf text and error records. */
    protected abstract String commandName();

    /** Does the cmdlet's work on one job. */
    protected abstract void act(BitsJob job);

    @Override
    public void process(Object input) {
        for (BitsJob job : bitsJob) {
            if (!context().shouldProcess(job.id() + " (" + job.info().displayName() + ")", commandName())) {
                continue;
            }
            try {
                act(job);
            } catch (BitsException e) {
                writeError(BitsErrors.of(e, job, commandName()));
            }
        }
    }
}
