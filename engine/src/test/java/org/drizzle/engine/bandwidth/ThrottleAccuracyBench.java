package org.drizzle.engine.bandwidth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.grouppolicy.PolicyEnforcement;
import org.drizzle.engine.grouppolicy.PolicyRunCondition;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.PolicyFileSource;
import org.drizzle.policy.PolicyManager;
import org.drizzle.policy.Priority;

/**
 * bench/throttle-accuracy.sh: for each rate, a Low-priority job on a real LocalEngine downloads
 * from a loopback FaultServer under a BITS 2.0 all-day policy of that rate; after a 2 s warm-up
 * the server socket's acknowledged bytes are sampled every second. Prints, per rate, the mean
 * rate and its deviation from the limit, and the worst single-second deviation.
 * Arguments: seconds per rate, then the rates in bytes/s.
 */
public final class ThrottleAccuracyBench {
    private ThrottleAccuracyBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Long> rates = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            rates.add(Long.parseLong(args[i]));
        }
        if (rates.isEmpty()) {
            rates = List.of(256_000L, 2_000_000L, 20_000_000L);
        }
        Path dir = Files.createTempDirectory("drizzle-throttle-bench");
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{}");
        try (FaultServer server = FaultServer.start();
             PolicyService policy = new PolicyService(new PolicyManager(List.of(new PolicyFileSource(file))),
                     Clock.systemDefaultZone()).start()) {
            PolicyRunCondition window = new PolicyRunCondition(policy, job -> false);
            try (LocalEngine engine = LocalEngine.open(EngineConfig.builder(dir.resolve("store"))
                    .throttle(PolicyEnforcement.governor(policy, AllowanceSource.UNLIMITED, window::isOnLan)).runCondition(window)
                    .limits(policy::jobLimits).build())) {
                EngineClient client = engine.client(Principal.current());
                System.out.printf(Locale.ROOT, "%-12s %8s %14s %10s %16s%n", "limit", "seconds", "mean B/s", "mean dev", "worst 1 s dev");
                for (long rate : rates) {
                    measure(client, server, file, rate, seconds, dir);
                }
            }
        }
    }

    private static void measure(EngineClient client, FaultServer server, Path policyFile, long rate, int seconds, Path dir)
            throws Exception {
        Files.writeString(policyFile, Policies.allDay(rate));
        Thread.sleep(1000); // the file watch applies it
        String path = "/r" + rate + ".bin";
        server.resource(path).generated(rate * (seconds + 10));
        JobInfo job = client.createJob(path, JobType.DOWNLOAD, new JobOptions().priority(Priority.LOW));
        client.addFile(job.id(), server.httpUri(path).toString(), dir.resolve(path.substring(1)).toString(), null);
        client.resume(job.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.getJob(job.id()).state() != JobState.TRANSFERRING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(2000);
        List<Double> perSecond = new ArrayList<>();
        Map<Integer, Long> previous = ServerSideBytes.ackedByConnection(server.port());
        long last = System.nanoTime();
        for (int i = 0; i < seconds; i++) {
            Thread.sleep(1000);
            Map<Integer, Long> now = ServerSideBytes.ackedByConnection(server.port());
            long t = System.nanoTime();
            long bytes = 0;
            for (Map.Entry<Integer, Long> e : now.entrySet()) {
                bytes += e.getValue() - previous.getOrDefault(e.getKey(), 0L);
            }
            perSecond.add(bytes / ((t - last) / 1e9));
            previous = now;
            last = t;
        }
        client.cancel(job.id());
        double mean = perSecond.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double worst = perSecond.stream().mapToDouble(r -> Math.abs(r - rate) / rate).max().orElse(0);
        System.out.printf(Locale.ROOT, "%-12s %8d %,14.0f %+9.2f%% %15.2f%%%n", String.format(Locale.ROOT, "%,d B/s", rate),
                seconds, mean, (mean - rate) * 100.0 / rate, worst * 100);
    }
}
