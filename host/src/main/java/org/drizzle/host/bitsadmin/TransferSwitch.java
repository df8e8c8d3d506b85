package org.drizzle.host.bitsadmin;

import java.util.List;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;

/**
 * {@code /TRANSFER name [/DOWNLOAD|/UPLOAD] [/PRIORITY p] [/DYNAMIC] remote local ...}: creates
 * the job, adds the pairs, resumes it and waits. Each change of state or progress prints the two
 * progress lines; TRANSFERRED completes the job and prints "Transfer complete."; ERROR prints
 * the error, cancels the job (its temporary files go with it) and ends with the error's HRESULT;
 * TRANSIENT_ERROR is waited through, as bitsadmin does.
 */
final class TransferSwitch {
    /** {@code E_ABORT}: the wait was interrupted. */
    private static final int E_ABORT = 0x80004004;

    private TransferSwitch() {
    }

    static int run(Invocation in) {
        List<String> args = in.args();
        if (args.size() % 2 == 0) {
            throw BitsAdminException.invalid(in.sw().action(), "Each remote name needs a local name.");
        }
        if (in.has("aclflags")) {
            throw BitsAdminException.notSupported("aclflags", in.sw().action(), "ACL flags apply to SMB sources on Windows only.");
        }
        JobOptions options = new JobOptions();
        if (in.parsed().value("priority") != null) {
            options.priority(SetSwitches.priority(in.parsed().value("priority"), in.sw().action()).priority);
        }
        if (in.has("dynamic")) {
            options.dynamic(true);
        }
        EngineClient engine = in.client();
        JobInfo job = engine.createJob(args.get(0), in.has("upload") ? JobType.UPLOAD : JobType.DOWNLOAD, options);
        try {
            for (int i = 1; i < args.size(); i += 2) {
                engine.addFile(job.id(), args.get(i), args.get(i + 1), null);
            }
            engine.resume(job.id());
        } catch (BitsException e) {
            engine.cancel(job.id());
            throw e;
        }
        return waitFor(in, job);
    }

    private static int waitFor(Invocation in, JobInfo job) {
        String shown = "";
        while (true) {
            JobInfo now = in.client().getJob(job.id());
            shown = show(in, now, shown);
            if (now.state() == JobState.TRANSFERRED) {
                in.client().complete(job.id());
                show(in, in.client().getJob(job.id()), shown);
                in.out().line("Transfer complete.");
                return 0;
            }
            if (now.state() == JobState.ERROR) {
                Formats.error(now.error()).forEach(in.out()::line);
                in.client().cancel(job.id());
                in.out().line("Transfer canceled.");
                return now.error().code();
            }
            if (now.state().isFinal()) {
                in.out().line("The job was " + (now.state() == JobState.CANCELLED ? "canceled" : "completed") + " by someone else.");
                return now.state() == JobState.CANCELLED ? ErrorCodes.BG_E_NOT_FOUND : 0;
            }
            try {
                Thread.sleep(in.poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return E_ABORT;
            }
        }
    }

    /** Prints the progress lines when they differ from the last ones shown. */
    private static String show(Invocation in, JobInfo job, String shown) {
        String lines = String.join(System.lineSeparator(), Formats.progress(job));
        if (!lines.equals(shown)) {
            in.out().line(lines);
            in.out().flush();
        }
        return lines;
    }
}
