package org.drizzle.cmdlets.bits;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.BitsException;

/** Add-BitsFile: adds files to existing jobs (an upload job holds at most one). */
@Cmdlet(verb = "Add", noun = "BitsFile", supportsShouldProcess = true,
        synopsis = "Adds one or more files to an existing BITS transfer job.",
        description = "Adds the Source files (with their Destination names, or into the current folder) to each "
                + "job. Pair rules are Start-BitsTransfer's.")
@Example(code = "$job = Start-BitsTransfer -Source http://h/a -Destination /tmp/ -Suspended; "
        + "Add-BitsFile -BitsJob $job -Source http://h/b -Destination /tmp/b; Resume-BitsTransfer $job",
        remarks = "Builds a two-file job, then runs it.")
public class AddBitsFileCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The jobs to add files to.")
    BitsJob[] bitsJob;
    @Parameter(position = 1, mandatory = true, valueFromPipelineByPropertyName = true, help = "URLs or local paths.")
    String[] source;
    @Parameter(position = 2, valueFromPipelineByPropertyName = true, help = "Local files or a folder.")
    String[] destination;

    @Override
    public void process(Object input) {
        for (BitsJob job : bitsJob) {
            if (!context().shouldProcess(job.id() + " (" + job.info().displayName() + ")", "Add-BitsFile")) {
                continue;
            }
            try {
                List<BgFileInfo> files = TransferPaths.pair(job.info().type(), List.of(source),
                        destination == null ? null : List.of(destination), context().currentLocation());
                job.update(job.engine().addFileSet(job.id(), files));
                writeObject(job);
            } catch (BitsException e) {
                writeError(BitsErrors.of(e, job, "Add-BitsFile"));
            } catch (IllegalArgumentException e) {
                writeError(BitsErrors.invalidArgument("InvalidTransferPath", job, "Add-BitsFile", e.getMessage()));
            }
        }
    }
}
