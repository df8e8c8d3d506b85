package org.drizzle.engine.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Priority;

/**
 * One Foreground job through a real LocalEngine (SQLite store, scheduler, HttpTransport) for the
 * benchmarks: every URL of a list becomes a file of one job; prints the seconds from Resume to
 * a completed job (JVM start-up excluded: a service pays it once, not per job).
 * Usage: {@code BenchDownload <store-folder> <url-list> <destination-folder>}.
 */
public final class BenchDownload {
    private BenchDownload() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        List<String> urls = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        Path dest = Path.of(args[2]);
        JobLimits roomy = new JobLimits(1000, 1000, 100_000, 500, Duration.ofDays(90), Duration.ofDays(90));
        EngineConfig config = EngineConfig.builder(store).limits(() -> roomy).build();
        try (EngineClient client = LocalEngine.openClient(config, Principal.current())) {
            JobInfo job = client.createJob("bench", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
            for (String url : urls) {
                client.addFile(job.id(), url, dest.resolve(url.substring(url.lastIndexOf('/') + 1)).toString(), null);
            }
            CountDownLatch settled = new CountDownLatch(1);
            client.subscribe(e -> {
                if (e.job().id().equals(job.id()) && e.kind() != JobEvent.Kind.MODIFICATION) {
                    settled.countDown();
                }
            });
            long t0 = System.nanoTime();
            client.resume(job.id());
            settled.await();
            JobInfo end = client.getJob(job.id());
            if (end.state() != JobState.TRANSFERRED) {
                System.err.println("job ended " + end.state() + ": " + end.error());
                System.exit(1);
            }
            client.complete(job.id());
            System.out.printf("%.3f%n", (System.nanoTime() - t0) / 1e9);
        }
    }
}
