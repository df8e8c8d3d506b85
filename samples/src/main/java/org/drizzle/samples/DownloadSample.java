package org.drizzle.samples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobProgress;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * Downloads one URL to one file through an embedded {@link LocalEngine}: the BITS five-call
 * recipe (CreateJob, AddFile, subscribe, Resume, then Complete on JobTransferred), printing
 * progress, like {@code bitsadmin /transfer}. Transient errors are waited through; a fatal
 * error cancels the job and exits with status 1. The job store is the per-user one
 * ({@code $XDG_DATA_HOME/drizzle}), or the folder given by {@code -Ddrizzle.store=...}.
 *
 * <pre>java org.drizzle.samples.DownloadSample https://example.org/file.iso ~/file.iso [--dynamic]</pre>
 *
 * {@code --dynamic} sets BITS' Dynamic content for servers without Range support or size (the
 * file then restarts from 0 after an interruption, as in BITS).
 */
public final class DownloadSample {
    private DownloadSample() {
    }

    public static void main(String[] args) throws Exception {
        boolean dynamic = args.length == 3 && args[2].equals("--dynamic");
        if (args.length != 2 && !dynamic) {
            System.err.println("usage: DownloadSample <url> <destination file> [--dynamic]");
            System.exit(2);
        }
        Path destination = Path.of(args[1]).toAbsolutePath().normalize();
        String store = System.getProperty("drizzle.store");
        EngineConfig config = EngineConfig.builder(store != null ? Path.of(store) : EngineConfig.defaultStoreFolder())
                .notificationInterval(Duration.ofMillis(500)).build();
        int status;
        try (EngineClient engine = LocalEngine.openClient(config, Principal.current())) {
            status = download(engine, args[0], destination, dynamic);
        }
        System.exit(status);
    }

    static int download(EngineClient engine, String url, Path destination, boolean dynamic) throws InterruptedException {
        JobInfo job;
        try {
            job = engine.createJob("DownloadSample", JobType.DOWNLOAD,
                    new JobOptions().priority(Priority.FOREGROUND).dynamic(dynamic));
            engine.addFile(job.id(), url, destination.toString(), null);
        } catch (BitsException e) {
            System.err.println("error: " + e.getMessage() + " [" + e.codeName() + "]");
            return 1;
        }
        JobId id = job.id();
        CountDownLatch finished = new CountDownLatch(1);
        Subscription progress = engine.subscribe(event -> {
            if (!event.job().id().equals(id)) {
                return;
            }
            print(event.job());
            if (event.kind() != JobEvent.Kind.MODIFICATION) {
                finished.countDown();
            }
        });
        Thread cancelOnCtrlC = new Thread(() -> {
            if (!engine.getJob(id).state().isFinal()) {
                engine.cancel(id);
            }
        });
        Runtime.getRuntime().addShutdownHook(cancelOnCtrlC);
        engine.resume(id);
        while (!finished.await(1, TimeUnit.SECONDS)) {
            JobState s = engine.getJob(id).state();
            if (s == JobState.TRANSFERRED || s == JobState.ERROR) {
                break;
            }
        }
        Runtime.getRuntime().removeShutdownHook(cancelOnCtrlC);
        progress.close();
        JobInfo end = engine.getJob(id);
        if (end.state() == JobState.TRANSFERRED) {
            CompleteResult result = engine.complete(id);
            System.out.println();
            System.out.println("Transfer complete: " + destination + " (" + end.progress().bytesTransferred()
                    + " bytes)" + (result.status() == ErrorCodes.S_OK ? "" : " " + ErrorCodes.name(result.status())));
            return 0;
        }
        System.out.println();
        System.err.println("error: " + end.error());
        engine.cancel(id);
        return 1;
    }

    private static void print(JobInfo job) {
        JobProgress p = job.progress();
        String total = p.bytesTotal() == JobProgress.UNKNOWN ? "?" : Long.toString(p.bytesTotal());
        String percent = p.bytesTotal() > 0
                ? String.format(Locale.ROOT, " %5.1f%%", 100.0 * p.bytesTransferred() / p.bytesTotal()) : "";
        String extra = job.state() == JobState.TRANSIENT_ERROR && job.error() != null
                ? " (retrying: " + ErrorCodes.name(job.error().code()) + ")" : "";
        System.out.print("\r" + job.state().displayName() + " " + p.bytesTransferred() + "/" + total + " bytes"
                + percent + extra + "        ");
        System.out.flush();
    }
}
