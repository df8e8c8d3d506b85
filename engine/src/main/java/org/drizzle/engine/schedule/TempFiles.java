package org.drizzle.engine.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a job's hidden temp files outside a transfer, always with the owner's
 * identity: start-up recovery (truncate to the recorded length), Complete (atomic rename to
 * the final name, replacing what is there) and Cancel (delete).
 */
public final class TempFiles {
    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);
    private final Impersonator impersonator;
    private final OwnerFiles files;

    public TempFiles(Impersonator impersonator) {
        this.impersonator = impersonator;
        this.files = new OwnerFiles(impersonator);
    }

    /**
     * Start-up: every unfinished download file's temp file is cut back to the length recorded
     * in the store (bytes past it may be garbage from before a crash). A temp file shorter than
     * the record, or missing, restarts that file from 0. Mutates {@code job}; true if it changed.
     */
    public boolean recover(Job job) {
        if (job.type() != JobType.DOWNLOAD || job.state().isFinal()) {
            return false;
        }
        boolean changed = false;
        for (JobFile f : job.files()) {
            if (f.committed() || f.temporaryName() == null) {
                continue;
            }
            Path temp = Path.of(f.temporaryName());
            long recorded = f.bytesTransferred();
            try {
                long actual = -1;
                if (present(job, temp)) {
                    try (FileChannel ch = files.openToWrite(job.owner(), temp, false)) {
                        actual = impersonator.runAs(job.owner(), () -> {
                            long size = ch.size();
                            if (size > recorded) {
                                ch.truncate(recorded);
                                ch.force(true);
                            }
                            return Math.min(size, recorded);
                        });
                    }
                }
                if (actual != recorded && (recorded > 0 || f.completed())) {
                    LOG.warn("job {}: temp file {} holds {} bytes, the store recorded {}; the file restarts",
                            job.id(), LogText.of(temp), Math.max(actual, 0), recorded);
                    f.resetProgress();
                    changed = true;
                }
            } catch (IOException e) {
                LOG.warn("job {}: cannot check temp file {}: {}", job.id(), LogText.of(temp), LogText.of(e.getMessage()));
            }
        }
        return changed;
    }

    /**
     * Whether the temp file is there as a regular file; a link, FIFO or device in its place is
     * removed, never opened (a FIFO would hang start-up).
     */
    private boolean present(Job job, Path temp) throws IOException {
        return impersonator.runAs(job.owner(), () -> {
            try {
                if (Files.readAttributes(temp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                    return true;
                }
                Files.delete(temp);
                return false;
            } catch (NoSuchFileException e) {
                return false;
            }
        });
    }

    /**
     * Deletes the temp files of files not committed (Cancel; the unfinished files of a partial
     * Complete with {@code onlyUnfinished}). Returns how many could not be deleted.
     */
    public int delete(Job job, boolean onlyUnfinished) {
        if (job.type() != JobType.DOWNLOAD) {
            return 0;
        }
        int failures = 0;
        for (JobFile f : job.files()) {
            if (f.committed() || f.temporaryName() == null || (onlyUnfinished && f.completed())) {
                continue;
            }
            Path temp = Path.of(f.temporaryName());
            try {
                impersonator.runAs(job.owner(), () -> Files.deleteIfExists(temp));
            } catch (IOException e) {
                LOG.warn("job {}: cannot delete temp file {}: {}", job.id(), LogText.of(temp), LogText.of(e.getMessage()));
                failures++;
            }
        }
        return failures;
    }

    /**
     * Complete: renames each finished, not yet committed temp file to its local name
     * (ATOMIC_MOVE, REPLACE_EXISTING). Returns the indexes renamed; on the first failure throws
     * a {@link CommitFailure} carrying the indexes renamed so far.
     */
    public List<Integer> commit(Job job) {
        List<Integer> done = new ArrayList<>();
        if (job.type() != JobType.DOWNLOAD) {
            return done;
        }
        for (int i = 0; i < job.files().size(); i++) {
            JobFile f = job.files().get(i);
            if (!f.completed() || f.committed()) {
                continue;
            }
            Path temp = Path.of(f.temporaryName());
            Path target = Path.of(f.localName());
            try {
                impersonator.runAs(job.owner(), () -> {
                    if (f.bytesTotal() == 0 && !Files.exists(temp)) {
                        Files.createFile(temp);
                    }
                    return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                });
                done.add(i);
            } catch (AtomicMoveNotSupportedException e) {
                throw new CommitFailure(done, new BitsException(ErrorCodes.E_FAIL,
                        "Cannot rename " + temp + " to " + target + " atomically: " + e.getMessage(), e));
            } catch (AccessDeniedException e) {
                throw new CommitFailure(done, new BitsException(ErrorCodes.E_ACCESSDENIED,
                        "Access to " + target + " is denied; the job stays as it is.", e));
            } catch (IOException e) {
                throw new CommitFailure(done, new BitsException(ErrorCodes.E_FAIL,
                        "Cannot rename " + temp + " to " + target + ": " + e.getMessage(), e));
            }
        }
        return done;
    }

    /** A Complete that renamed some files and then failed. */
    public static final class CommitFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Integer> committed;
        private final BitsException error;

        CommitFailure(List<Integer> committed, BitsException error) {
            super(error.getMessage(), error);
            this.committed = committed;
            this.error = error;
        }

        public List<Integer> committed() {
            return committed;
        }

        public BitsException error() {
            return error;
        }
    }

    /** Whether every file of the job is finished (Complete returns S_OK rather than partial). */
    public static boolean allFinished(Job job) {
        return job.files().stream().allMatch(JobFile::completed)
                && job.progress().bytesTotal() != JobProgress.UNKNOWN;
    }
}
