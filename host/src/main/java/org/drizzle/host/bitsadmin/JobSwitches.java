package org.drizzle.host.bitsadmin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;

/** The switches that create, fill, move and show jobs. */
final class JobSwitches {
    /** An /ADDFILESET text file larger than this is refused before it is read. */
    static final long MAX_FILE_SET_BYTES = 4L << 20;

    private JobSwitches() {
    }

    static int create(Invocation in) {
        JobType type = in.has("upload") ? JobType.UPLOAD : in.has("uploadreply") ? JobType.UPLOAD_REPLY : JobType.DOWNLOAD;
        JobInfo job = in.client().createJob(in.arg(0), type, new JobOptions());
        if (in.out().raw()) {
            in.out().value(Formats.guid(job));
        } else {
            in.out().line("Created job " + Formats.guid(job) + ".");
        }
        return 0;
    }

    static int addFile(Invocation in) {
        JobInfo job = in.job(0);
        in.client().addFile(job.id(), in.arg(1), in.arg(2), null);
        in.out().line("Added " + in.arg(1) + " -> " + in.arg(2) + " to job.");
        return 0;
    }

    static int addFileWithRanges(Invocation in) {
        JobInfo job = in.job(0);
        in.client().addFile(job.id(), in.arg(1), in.arg(2), ranges(in.arg(3), in.sw().action()));
        in.out().line("Added " + in.arg(1) + " -> " + in.arg(2) + " to job.");
        return 0;
    }

    /** {@code 0:100,2000:100,5000:eof}: offset and length pairs, {@code eof} for the rest. */
    static List<ByteRange> ranges(String text, String action) {
        List<ByteRange> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ol = part.trim().split(":");
            if (ol.length != 2) {
                throw BitsAdminException.invalid(action, "The range '" + part + "' is not offset:length (e.g. 0:100 or 5000:eof).");
            }
            long offset = Formats.number(ol[0], "range offset", action);
            long length = ol[1].trim().equalsIgnoreCase("eof") ? ByteRange.TO_EOF : Formats.number(ol[1], "range length", action);
            ranges.add(new ByteRange(offset, length));
        }
        return ranges;
    }

    static int addFileSet(Invocation in) {
        JobInfo job = in.job(0);
        Path file = Path.of(in.arg(1));
        List<BgFileInfo> files = new ArrayList<>();
        try {
            if (Files.size(file) > MAX_FILE_SET_BYTES) {
                throw BitsAdminException.invalid(in.sw().action(), "The file set " + file + " is larger than 4 MB.");
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] words = t.split("\\s+");
                if (words.length != 2) {
                    throw BitsAdminException.invalid(in.sw().action(), "The line '" + t + "' of " + file
                            + " is not 'remote_name local_name'.");
                }
                files.add(new BgFileInfo(words[0], words[1]));
            }
        } catch (IOException e) {
            throw new BitsAdminException(ErrorCodes.ERROR_FILE_NOT_FOUND, in.sw().action(), "Cannot read the file set " + file + ".");
        }
        if (!files.isEmpty()) {
            in.client().addFileSet(job.id(), files);
        }
        in.out().line("Added " + files.size() + " file(s) to job.");
        return 0;
    }

    static int replaceRemotePrefix(Invocation in) {
        JobInfo job = in.job(0);
        in.client().replaceRemotePrefix(job.id(), in.arg(1), in.arg(2));
        in.out().line("Replaced remote prefix " + in.arg(1) + " with " + in.arg(2) + ".");
        return 0;
    }

    static int listFiles(Invocation in) {
        JobInfo job = in.job(0);
        for (JobFileInfo f : job.files()) {
            in.out().line(Formats.fileLine(f));
        }
        in.out().line("Listed " + job.files().size() + " file(s).");
        return 0;
    }

    static int suspend(Invocation in) {
        in.client().suspend(in.job(0).id());
        in.out().line("Job suspended.");
        return 0;
    }

    static int resume(Invocation in) {
        in.client().resume(in.job(0).id());
        in.out().line("Job resumed.");
        return 0;
    }

    static int cancel(Invocation in) {
        in.client().cancel(in.job(0).id());
        in.out().line("Job canceled.");
        return 0;
    }

    static int complete(Invocation in) {
        CompleteResult r = in.client().complete(in.job(0).id());
        in.out().line(r.status() == ErrorCodes.BG_S_PARTIAL_COMPLETE ? "Job partially completed."
                : r.status() == ErrorCodes.BG_S_UNABLE_TO_DELETE_FILES ? "Job completed; some temporary files could not be deleted."
                : "Job completed.");
        return 0;
    }

    static int takeOwnership(Invocation in) {
        in.client().takeOwnership(in.job(0).id());
        in.out().line("Ownership taken.");
        return 0;
    }

    /** Cancels every job of the caller (or of every user); reports each and the count. */
    static int reset(Invocation in) {
        EngineClient engine = in.client();
        List<JobInfo> jobs = engine.listJobs(in.has("allusers"));
        int canceled = 0;
        int last = 0;
        for (JobInfo j : jobs) {
            try {
                engine.cancel(j.id());
                in.out().line(Formats.guid(j) + " canceled.");
                canceled++;
            } catch (BitsException e) {
                in.out().line("Unable to cancel " + Formats.guid(j) + " - " + ErrorCodes.hex(e.code()));
                in.out().line(e.getMessage());
                last = e.code();
            }
        }
        in.out().line(canceled + " out of " + jobs.size() + " jobs canceled.");
        return last;
    }

    static int list(Invocation in) {
        List<JobInfo> jobs = in.client().listJobs(in.has("allusers"));
        for (JobInfo j : jobs) {
            if (in.has("verbose")) {
                Formats.verbose(j).forEach(in.out()::line);
                in.out().line("");
            } else {
                in.out().line(Formats.listLine(j));
            }
        }
        in.out().line("Listed " + jobs.size() + " job(s).");
        return 0;
    }

    static int info(Invocation in) {
        JobInfo job = in.job(0);
        if (in.has("verbose")) {
            Formats.verbose(job).forEach(in.out()::line);
        } else {
            in.out().line(Formats.listLine(job));
        }
        return 0;
    }

    /** Lists the jobs every {@code /REFRESH} seconds (default 5) until interrupted (Ctrl+C). */
    static int monitor(Invocation in) {
        String refresh = in.parsed().value("refresh");
        long seconds = refresh == null ? 5 : Formats.number(refresh, "refresh interval", in.sw().action());
        if (seconds < 1) {
            throw BitsAdminException.invalid(in.sw().action(), "The refresh interval " + refresh + " must be at least 1 second.");
        }
        boolean all = in.has("allusers");
        while (!Thread.currentThread().isInterrupted()) {
            in.out().line("MONITORING BACKGROUND COPY MANAGER(" + seconds + " second refresh)");
            in.client().listJobs(all).forEach(j -> in.out().line(Formats.listLine(j)));
            in.out().line("");
            in.out().flush();
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }
}
