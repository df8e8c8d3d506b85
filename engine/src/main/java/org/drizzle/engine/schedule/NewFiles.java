package org.drizzle.engine.schedule;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.FileRules;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.RemoteName;

/**
 * The checks of AddFile and the file it adds: MaxFilesPerJob and one file per upload job, the
 * remote name (canonical, a handled scheme), the ranges, the local name (checked with the
 * owner's identity, not used twice in the job); a download gets a fresh BIT&lt;hex&gt;.tmp name,
 * an upload its BytesTotal. Runs inside {@link JobLifecycle#addFile}.
 */
final class NewFiles {
    private final Impersonator impersonator;
    private final Supplier<JobLimits> limits;

    NewFiles(Impersonator impersonator, Supplier<JobLimits> limits) {
        this.impersonator = impersonator;
        this.limits = limits;
    }

    /**
     * The file AddFile adds to {@code job}, else the refusal naming the bad value; {@code used}
     * holds the names of the job's files (the caller adds the returned file's when it keeps it).
     */
    JobFile check(Job job, UsedNames used, String remoteName, String localName, List<ByteRange> ranges) {
        JobType type = job.type();
        if (type.isUpload() && !job.files().isEmpty()) {
            throw new BitsException(ErrorCodes.BG_E_TOO_MANY_FILES,
                    "Upload jobs can contain only one file; job " + job.id() + " already has " + job.files().size() + ".");
        }
        JobLimits l = limits.get();
        long max = l.maxFilesPerJob();
        if (job.files().size() >= max) {
            throw new BitsException(ErrorCodes.BG_E_TOO_MANY_FILES_IN_JOB,
                    "Job " + job.id() + " already has " + job.files().size() + " files; MaxFilesPerJob is " + max + ".");
        }
        RemoteName remote = RemoteName.parse(remoteName, type);
        List<ByteRange> checked = FileRules.checkRanges(job, remote.uri(), ranges, l.maxRangesPerFile());
        Path local = checkLocal(job, localName, type.isUpload());
        if (used.hasLocal(local.toString())) {
            throw new BitsException(ErrorCodes.E_INVALIDARG,
                    "The local name '" + localName + "' is already used by another file of job " + job.id() + ".");
        }
        String temp = type.isUpload() ? null : newTemporaryName(job, used, local);
        long uploadSize = type.isUpload() ? sizeOf(job, local) : -1;
        JobFile f = new JobFile(remote.text(), local.toString(), checked, temp);
        if (uploadSize >= 0) {
            f.bytesTotal(uploadSize);
        }
        return f;
    }

    private Path checkLocal(Job job, String localName, boolean mustExist) {
        try {
            return impersonator.runAs(job.owner(), () -> FileRules.checkLocalName(localName, mustExist));
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED, "Cannot check the local name '" + localName
                    + "' as " + job.owner().account() + ": " + e.getMessage(), e);
        }
    }

    /** An upload's BytesTotal: the source file's size, read as the owner under the rules of its later open. */
    private long sizeOf(Job job, Path local) {
        try {
            return new OwnerFiles(impersonator).attributes(job.owner(), local).size();
        } catch (AccessDeniedException e) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED, "Cannot read '" + local + "' with the owner's rights"
                    + (e.getReason() == null ? "" : " (it " + e.getReason() + ")") + ".", e);
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.ERROR_FILE_NOT_FOUND, "Cannot read the size of '" + local + "': " + e.getMessage(), e);
        }
    }

    /** A BIT&lt;hex&gt;.tmp name unused by any of the job's files and not present on disk. */
    private String newTemporaryName(Job job, UsedNames used, Path local) {
        for (int attempt = 0; ; attempt++) {
            String name = FileRules.temporaryName(local, ThreadLocalRandom.current().nextLong());
            boolean exists;
            try {
                exists = impersonator.runAs(job.owner(), () -> Files.exists(Path.of(name)));
            } catch (IOException e) {
                exists = true;
            }
            if (!exists && !used.hasTemporary(name)) {
                return name;
            }
            if (attempt > 100) {
                throw new BitsException(ErrorCodes.E_FAIL, "Cannot find a free temporary file name in " + local.getParent());
            }
        }
    }
}
