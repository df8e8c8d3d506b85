package org.drizzle.engine.schedule;

import java.util.HashSet;
import java.util.Set;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;

/**
 * The local and temporary names a job's files already use, so AddFile's "not used twice" checks
 * cost one lookup per name instead of a pass over the job: an AddFileSet of n files used to compare
 * each new file with every earlier one (quadratic; ~30 ms for 1 000 files with MaxFilesPerJob raised).
 */
final class UsedNames {
    private final Set<String> locals = new HashSet<>();
    private final Set<String> temporaries = new HashSet<>();

    /** The names {@code job}'s files use now. */
    static UsedNames of(Job job) {
        UsedNames used = new UsedNames();
        job.files().forEach(used::add);
        return used;
    }

    /** Counts {@code file}'s names as used. */
    void add(JobFile file) {
        locals.add(file.localName());
        if (file.temporaryName() != null) {
            temporaries.add(file.temporaryName());
        }
    }

    /** Stored local names are checked paths in one form, so text equality is path equality. */
    boolean hasLocal(String localName) {
        return locals.contains(localName);
    }

    boolean hasTemporary(String temporaryName) {
        return temporaries.contains(temporaryName);
    }
}
