package org.drizzle.host.bitsadmin;

import java.util.List;
import java.util.regex.Pattern;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;

/**
 * bitsadmin's {@code <job>}: a GUID inside braces, else a display name among the caller's jobs
 * (an error when no job or more than one job has it).
 */
final class JobLookup {
    private static final Pattern BRACED_GUID = Pattern.compile("\\{[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}}");

    private JobLookup() {
    }

    static boolean isGuid(String text) {
        return BRACED_GUID.matcher(text).matches();
    }

    static JobInfo find(EngineClient engine, String text) {
        if (isGuid(text)) {
            try {
                return engine.getJob(JobId.parse(text.substring(1, text.length() - 1)));
            } catch (BitsException e) {
                throw new BitsAdminException(e.code(), "find job", e.code() == ErrorCodes.BG_E_NOT_FOUND
                        ? "There is no job " + text + " that you can see." : e.getMessage());
            }
        }
        List<JobInfo> named = engine.listJobs(false).stream().filter(j -> text.equals(j.displayName())).toList();
        if (named.isEmpty()) {
            throw new BitsAdminException(ErrorCodes.BG_E_NOT_FOUND, "find job", "There is no job named '" + text + "'.");
        }
        if (named.size() > 1) {
            throw BitsAdminException.invalid("find job", "The job name '" + text + "' is ambiguous: " + named.size()
                    + " jobs have it; use the job's GUID in braces.");
        }
        return named.get(0);
    }
}
