package org.drizzle.cmdlets.bits;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.WildcardPattern;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;

/** Get-BitsTransfer: the caller's jobs (every user's with -AllUsers), by display name or by id. */
@Cmdlet(verb = "Get", noun = "BitsTransfer", defaultParameterSet = "ByName",
        synopsis = "Gets the BITS jobs of the current user, or of all users.",
        description = "Lists BITS jobs as live BitsJob objects. -Name accepts wildcards; a name without wildcards "
                + "that matches no job is an error. -AllUsers (administrators only) lists every user's jobs.")
@Example(code = "Get-BitsTransfer", remarks = "Lists the current user's jobs.")
@Example(code = "Get-BitsTransfer -AllUsers", remarks = "Lists every user's jobs (administrators only).")
@Example(code = "Get-BitsTransfer -Name \"Nightly*\"", remarks = "Lists jobs whose display name starts with Nightly.")
@Example(code = "Get-BitsTransfer -JobId 10778CFA-C1D7-4A82-8A9D-80B19224879C",
        remarks = "Gets one job by its id.")
public class GetBitsTransferCommand extends Command {
    @Parameter(position = 0, parameterSet = "ByName", help = "Display names; wildcards (* ? [a-r]) allowed.")
    String[] name;
    @Parameter(parameterSet = "ByName", help = "Jobs of every user (administrators only).")
    boolean allUsers;
    @Parameter(position = 0, mandatory = true, parameterSet = "ById", valueFromPipelineByPropertyName = true,
            aliases = "Id", help = "Job ids (GUIDs).")
    JobId[] jobId;

    @Override
    public void process(Object input) {
        EngineClient engine = context().engine();
        if ("ById".equals(parameterSetName())) {
            for (JobId id : jobId) {
                try {
                    writeObject(new BitsJob(engine, engine.getJob(id)));
                } catch (BitsException e) {
                    writeError(BitsErrors.of(e, id, "Get-BitsTransfer"));
                }
            }
            return;
        }
        List<JobInfo> jobs;
        try {
            jobs = engine.listJobs(allUsers);
        } catch (BitsException e) {
            writeError(BitsErrors.of(e, allUsers ? "AllUsers" : null, "Get-BitsTransfer"));
            return;
        }
        if (name == null) {
            jobs.forEach(j -> writeObject(new BitsJob(engine, j)));
            return;
        }
        for (String n : name) {
            WildcardPattern pattern = WildcardPattern.of(n);
            List<JobInfo> matches = jobs.stream().filter(j -> pattern.matches(j.displayName())).toList();
            if (matches.isEmpty() && !WildcardPattern.containsWildcard(n)) {
                writeError(new ErrorRecord(new IllegalArgumentException("Cannot find a BITS job with the name '" + n
                        + "'."), "JobNotFound", ErrorCategory.OBJECT_NOT_FOUND, n, "Get-BitsTransfer", 0));
            }
            matches.forEach(j -> writeObject(new BitsJob(engine, j)));
        }
    }
}
