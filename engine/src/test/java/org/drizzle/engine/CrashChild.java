package org.drizzle.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * The process {@link CrashTest} kills: opens the engine on a store (recovering it), creates the
 * download job on first run, prints {@code START <durable offset>}, and prints
 * {@code TRANSFERRED} when the job gets there. It never completes the job.
 * Arguments: store folder, URL, destination, checkpoint bytes.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        EngineConfig config = EngineConfig.builder(Path.of(args[0]))
                .checkpoint(Long.parseLong(args[3]), Duration.ofMillis(500)).build();
        Principal me = new Principal(Principal.current().uid(), Principal.current().gid(), Principal.current().name(), false);
        try (LocalEngine engine = LocalEngine.open(config)) {
            EngineClient c = engine.client(me);
            JobInfo job = c.listJobs(false).stream().findFirst().orElse(null);
            if (job == null) {
                job = c.createJob("crash", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND).minimumRetryDelay(5));
                job = c.addFile(job.id(), args[1], args[2], null);
                c.resume(job.id());
            }
            System.out.println("START " + job.files().get(0).bytesTransferred());
            System.out.flush();
            while (c.getJob(job.id()).state() != JobState.TRANSFERRED) {
                if (c.getJob(job.id()).state() == JobState.ERROR) {
                    System.out.println("ERROR " + c.getJob(job.id()).error());
                    return;
                }
                Thread.sleep(50);
            }
            System.out.println("TRANSFERRED");
            System.out.flush();
        }
    }
}
