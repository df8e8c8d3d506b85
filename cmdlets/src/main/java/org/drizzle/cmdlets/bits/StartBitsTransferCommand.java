package org.drizzle.cmdlets.bits;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * Start-BitsTransfer: creates a job for the given files and, unless -Asynchronous or
 * -Suspended, waits for it, Completes it on success and reports its error on failure.
 * Each pipeline row (Import-Csv with Source and Destination columns) makes one job.
 */
@Cmdlet(verb = "Start", noun = "BitsTransfer", supportsShouldProcess = true,
        synopsis = "Creates a BITS transfer job.",
        description = "Creates a BITS job that transfers the Source files to the Destination files or folder. "
                + "Without -Asynchronous the cmdlet waits, shows progress, completes the job on success and leaves "
                + "an errored job for inspection; Ctrl+C cancels it. With -Asynchronous it returns the BitsJob.")
@Example(code = "Start-BitsTransfer -Source http://server/file.zip -Destination ~/file.zip",
        remarks = "Downloads one file synchronously with Foreground priority.")
@Example(code = "Import-Csv filelist.txt | Start-BitsTransfer -Asynchronous -Priority Normal",
        remarks = "Creates one job per CSV row from its Source and Destination columns.")
@Example(code = "Start-BitsTransfer -Source /data/*.log -Destination /backup/ -TransferType Download",
        remarks = "Copies every matching local file into a folder.")
@Example(code = "$job = Start-BitsTransfer -Source http://server/a.iso -Destination /tmp/ -Asynchronous",
        remarks = "Returns at once; poll $job.JobState and call Complete-BitsTransfer when Transferred.")
public class StartBitsTransferCommand extends JobOptionsCommand {
    static final String DEFAULT_DESCRIPTION =
            "This is a file transfer that uses the Background Intelligent Transfer Service (BITS).";

    @Parameter(position = 0, mandatory = true, valueFromPipelineByPropertyName = true,
            help = "URLs or local paths to transfer (local paths may use wildcards).")
    String[] source;
    @Parameter(position = 1, valueFromPipelineByPropertyName = true,
            help = "Local files or a folder (upload: the URL); counts must match the sources unless a folder.")
    String[] destination;
    @Parameter(help = "Return the BitsJob at once instead of waiting.")
    boolean asynchronous;
    @Parameter(help = "Create the job suspended (implies -Asynchronous).")
    boolean suspended;
    @Parameter(validateSet = {"Download", "Upload", "UploadReply"}, help = "Download (default), Upload or UploadReply.")
    JobType transferType;
    @Parameter(help = "Spread the first start over this many seconds at random (0 to 86400), so jobs that a fleet's "
            + "scheduled tasks create at the same minute do not all reach the server at once.")
    Integer startSpread;

    private volatile JobWaiter waiter;

    @Override
    public void process(Object input) {
        JobOptions options = options();
        options.startSpread = startSpread == null ? null : startSpread.longValue();
        JobType type = transferType == null ? JobType.DOWNLOAD : transferType;
        List<BgFileInfo> files;
        try {
            files = TransferPaths.pair(type, List.of(source), destination == null ? null : List.of(destination),
                    context().currentLocation());
        } catch (IllegalArgumentException e) {
            writeError(BitsErrors.invalidArgument("InvalidTransferPath", String.join(", ", source),
                    "Start-BitsTransfer", e.getMessage()));
            return;
        }
        if (!context().shouldProcess(String.join(", ", source), "Start-BitsTransfer")) {
            return;
        }
        if (options.priority == null) {
            options.priority = Priority.FOREGROUND;
        }
        if (options.description == null) {
            options.description = DEFAULT_DESCRIPTION;
        }
        String name = options.displayName == null ? "BITS Transfer" : options.displayName;
        options.displayName = null;
        EngineClient engine = context().engine();
        BitsJob job;
        try {
            job = create(engine, name, type, options, files);
        } catch (BitsException e) {
            writeError(BitsErrors.of(e, String.join(", ", source), "Start-BitsTransfer"));
            return;
        }
        if (suspended) {
            writeObject(job);
            return;
        }
        JobInfo resumed;
        try {
            resumed = engine.resume(job.id());
            job.update(resumed);
        } catch (BitsException e) {
            writeError(BitsErrors.of(e, job, "Start-BitsTransfer"));
            return;
        }
        if (asynchronous) {
            job.update(SchedulerHandoff.await(engine, resumed));
            writeObject(job);
            return;
        }
        waiter = new JobWaiter(context(), job, "Start-BitsTransfer");
        try {
            waiter.await();
        } finally {
            waiter = null;
        }
    }

    /** Creates the job with all its files, or cancels it so no half-made job is left behind. */
    private static BitsJob create(EngineClient engine, String name, JobType type, JobOptions options,
                                  List<BgFileInfo> files) {
        JobInfo info = engine.createJob(name, type, options);
        try {
            info = engine.addFileSet(info.id(), files);
            return new BitsJob(engine, info);
        } catch (BitsException | CommandException e) {
            engine.cancel(info.id());
            throw e;
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
