package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.job.JobInfo;

/**
 * Resume-BitsTransfer: queues jobs again. Synchronous by default, even for jobs created with
 * -Asynchronous: it waits, Completes on success and reports the job's error otherwise.
 */
@Cmdlet(verb = "Resume", noun = "BitsTransfer", supportsShouldProcess = true,
        synopsis = "Resumes a suspended or errored BITS transfer job.",
        description = "Queues the jobs again. Without -Asynchronous the cmdlet waits for each job, completes it "
                + "when transferred and reports its error otherwise; with -Asynchronous it returns the job.")
@Example(code = "Get-BitsTransfer | Where-Object JobState -in 'TransientError','Suspended','Error' | "
        + "Resume-BitsTransfer -Asynchronous", remarks = "Resumes every stalled job without waiting.")
public class ResumeBitsTransferCommand extends BitsJobCommandBase {
    @Parameter(help = "Return the job at once instead of waiting.")
    boolean asynchronous;

    private volatile JobWaiter waiter;

    @Override
    protected String commandName() {
        return "Resume-BitsTransfer";
    }

    @Override
    protected void act(BitsJob job) {
        JobInfo resumed = job.engine().resume(job.id());
        job.update(resumed);
        if (asynchronous) {
            job.update(SchedulerHandoff.await(job.engine(), resumed));
            writeObject(job);
            return;
        }
        waiter = new JobWaiter(context(), job, commandName());
        try {
            waiter.await();
        } finally {
            waiter = null;
        }
    }

    @Override
    public void stop() {
        JobWaiter w = waiter;
        if (w != null) {
            w.cancel();
        }
    }
}
