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
import org.drizzle.policy.Priority;

/**
 * One Foreground job through a real LocalEngine (SQLite store, scheduler, HttpTransport) for the
 * benchmarks: every URL of a list becomes a file of one job; prints the seconds from Resume to
 * a completed job (JVM start-up excluded: a service pays it once, not per job). With
 * {@code --warm} the same job runs once untimed first, as in a service whose JIT is warm.
 * Usage: {@code BenchDownload <store-folder> <url-list> <destination-folder> [--warm]}.
 */
public final class BenchDownload {
    private BenchDownload() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        List<String> urls = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        Path dest = Path.of(args[2]);
        JobLimits roomy = new JobLimits(1000, 1000, 100_000, 500, Duration.ofDays(90), Duration.ofDays(90));
        EngineConfig.Builder builder = EngineConfig.builder(store).limits(() -> roomy);
        // -Dbench.checkpointMiB=N: durable checkpoints every N MiB (the engine's default otherwise).
        String checkpoint = System.getProperty("bench.checkpointMiB");
        if (checkpoint != null) {
            builder.checkpoint(Long.parseLong(checkpoint) << 20, Duration.ofSeconds(5));
        }
        EngineConfig config = builder.build();
        try (EngineClient client = LocalEngine.openClient(config, Principal.current())) {
            if (args.length > 3 && "--warm".equals(args[3])) {
                Path warm = Files.createDirectories(dest.resolve(".warm"));
                runJob(client, urls, warm);
                try (var files = Files.list(warm)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(warm);
            }
            System.out.printf("%.3f%n", runJob(client, urls, dest));
        }
    }

    /** Seconds from Resume to Complete for one job of {@code urls} into {@code dest}. */
    private static double runJob(EngineClient client, List<String> urls, Path dest) throws InterruptedException {
        {
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
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
