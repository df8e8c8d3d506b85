package org.drizzle.engine.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.schedule.GeneratedTransport;
import org.drizzle.engine.schedule.SwitchCondition;
import org.drizzle.engine.transfer.Transport;
import org.drizzle.policy.Priority;

/**
 * The 10 000-job benchmark (bench/jobs10k.sh): creates N queued jobs of one file each through
 * a LocalEngine on a fresh SQLite store, then times listing them, a scheduler pass with one
 * job transferring and the rest waiting (the normal case: only the queue head is looked at),
 * a pass with every job blocked by a RunCondition (worst case: each is checked), re-opening
 * the store (load + recovery), and reports the resident set size.
 */
public final class Jobs10kBench {
    private Jobs10kBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path store = Files.createTempDirectory("drizzle-jobs10k");
        Path dest = Files.createDirectories(store.resolve("dest"));
        GeneratedTransport gen = new GeneratedTransport();
        gen.pauseMillis = 50;
        SwitchCondition condition = new SwitchCondition();
        EngineConfig config = EngineConfig.builder(store.resolve("db")).transports(List.<Transport>of(gen))
                .runCondition(condition).limits(() -> new JobLimits(Long.MAX_VALUE, Long.MAX_VALUE, 200, 500,
                        Duration.ofDays(90), Duration.ofDays(90))).build();
        Principal me = new Principal(Principal.current().uid(), Principal.current().gid(), Principal.current().name(), false);
        try (LocalEngine engine = LocalEngine.open(config)) {
            EngineClient c = engine.client(me);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                JobId id = c.createJob("job " + i, JobType.DOWNLOAD, new JobOptions().priority(Priority.NORMAL)).id();
                c.addFile(id, GeneratedTransport.gen(100_000_000), dest.resolve("f" + i).toString(), null);
                c.resume(id);
            }
            double create = seconds(t0);
            report("create+addFile+resume " + n + " jobs", create, String.format(Locale.ROOT, "%.0f jobs/s", n / create));

            List<JobInfo> all = null;
            double list = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                t0 = System.nanoTime();
                all = c.listJobs(false);
                list = Math.min(list, seconds(t0));
            }
            report("list " + all.size() + " jobs (best of 5)", list, "");

            double tick = Double.MAX_VALUE;
            for (int round = 0; round < 20; round++) {
                t0 = System.nanoTime();
                engine.scheduler().tick();
                tick = Math.min(tick, seconds(t0));
            }
            report("scheduler pass, 1 running + " + (n - 1) + " queued (best of 20)", tick, "");

            condition.block(new Blocker(ErrorCodes.ERROR_NOT_LOGGED_ON, "owner logged off", false));
            engine.scheduler().tick();
            double blocked = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                t0 = System.nanoTime();
                engine.scheduler().tick();
                blocked = Math.min(blocked, seconds(t0));
            }
            report("scheduler pass, all " + n + " blocked by a RunCondition (best of 5)", blocked, "");
            System.gc();
            report("resident set size", 0, rss());
            report("store file", 0, (Files.size(store.resolve("db").resolve(JobStore.FILE_NAME))
                    + Files.size(store.resolve("db").resolve(JobStore.FILE_NAME + "-wal"))) / 1024 / 1024 + " MiB (db + wal)");
        }
        long t0 = System.nanoTime();
        try (LocalEngine engine = LocalEngine.open(config)) {
            report("re-open (load + recover) " + engine.table().size() + " jobs", seconds(t0), "");
        }
        try (var walk = Files.walk(store)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void report(String what, double seconds, String extra) {
        String time = seconds <= 0 ? "" : seconds < 1 ? String.format(Locale.ROOT, "%.3f ms", seconds * 1000)
                : String.format(Locale.ROOT, "%.2f s", seconds);
        System.out.printf(Locale.ROOT, "%-66s %10s %s%n", what, time, extra);
    }

    private static String rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).trim();
            }
        }
        return "n/a";
    }
}
