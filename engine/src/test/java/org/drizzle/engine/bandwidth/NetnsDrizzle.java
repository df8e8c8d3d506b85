package org.drizzle.engine.bandwidth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.idle.BackgroundSocketTuner;
import org.drizzle.engine.idle.DelaySignal;
import org.drizzle.engine.idle.IdleBandwidthEstimator;
import org.drizzle.engine.idle.LinkEstimate;
import org.drizzle.engine.idle.OwnTraffic;
import org.drizzle.engine.idle.OwnTrafficThrottle;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.network.InterfaceCounters;
import org.drizzle.engine.network.LinkMonitor;
import org.drizzle.engine.network.NetworkRunCondition;
import org.drizzle.engine.transfer.HttpTransport;
import org.drizzle.engine.transfer.Transport;
import org.drizzle.policy.JsonPolicyReader;
import org.drizzle.policy.PolicyEvaluator;
import org.drizzle.policy.PolicySnapshot;
import org.drizzle.policy.PolicySource;
import org.drizzle.policy.Priority;

/**
 * Drizzle's side of the namespace tests, run as its own JVM inside the client namespace: a
 * real {@link LocalEngine} wired as the product wires it (governor over the idle-bandwidth
 * estimator, own-traffic metering, link monitor as a run condition, the real HTTP transport)
 * runs one Normal-priority download job and prints, every 100 ms,
 * {@code BG <epoch-ms> <bytes> <allowance> <others> <capacity> <queue-delay-us> <state> <errors> <durable>},
 * then {@code DONE <sha256>} if the job finishes (it is completed first).
 *
 * <p>Usage: {@code NetnsDrizzle <url> <work-dir> <idle|none> <policy-bytes-per-second or 0> <seconds> [read-timeout-seconds]};
 * "none" turns the estimator off (background at full speed, for comparison).
 */
public final class NetnsDrizzle {
    private NetnsDrizzle() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path work = Path.of(args[1]);
        boolean idle = args[2].equals("idle");
        long policyRate = Long.parseLong(args[3]);
        long end = System.currentTimeMillis() + (long) (Double.parseDouble(args[4]) * 1000);

        OwnTraffic own = new OwnTraffic();
        DelaySignal delay = new DelaySignal();
        InterfaceCounters os = InterfaceCounters.forThisOs();
        IdleBandwidthEstimator estimator = new IdleBandwidthEstimator(os, own, delay, 0);
        PolicyEvaluator policy = new PolicyEvaluator(policyRate > 0 ? PolicySnapshot.of(List.of(JsonPolicyReader.read(
                "{\"EnableBITSMaxBandwidth\": 1, \"MaxTransferRateOnSchedule\": " + policyRate / 125
                        + ", \"MaxBandwidthValidFrom\": 0, \"MaxBandwidthValidTo\": 0}", PolicySource.FILE, "netns")))
                : PolicySnapshot.NOT_CONFIGURED, ZoneOffset.UTC);
        Governor governor = new Governor(() -> policy, idle ? estimator : AllowanceSource.UNLIMITED, id -> false,
                Clock.systemUTC());
        Throttle throttle = new OwnTrafficThrottle(governor, own, estimator.jobs());
        LinkMonitor links = new LinkMonitor(os);
        // A dead link shows as a stalled read; the read timeout bounds how long it can stall.
        // As EngineAssembly: with the estimator, background connections get the tuner's small
        // receive window (the server slows with our paced reads) and report their RTT.
        BackgroundSocketTuner tuner = idle ? new BackgroundSocketTuner(BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER, false,
                delay) : null;
        HttpTransport http = new HttpTransport(throttle, Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 20),
                tuner);
        EngineConfig config = EngineConfig.builder(work.resolve("store")).throttle(throttle)
                .transports(List.<Transport>of(http)).runCondition(new NetworkRunCondition(links))
                .notificationInterval(Duration.ofMillis(100)).build();
        links.start();
        estimator.start();
        try (LocalEngine engine = LocalEngine.open(config)) {
            EngineClient client = engine.client(Principal.current());
            client.subscribe(estimator.jobs().listener());
            Path dest = work.resolve("download.bin");
            JobId id = client.createJob("netns background", JobType.DOWNLOAD,
                    new JobOptions().priority(Priority.NORMAL).minimumRetryDelay(60)).id();
            client.addFile(id, url, dest.toString(), null);
            client.resume(id);
            run(client, id, estimator, own, end, dest, engine);
        } finally {
            links.close();
            estimator.close();
            http.close();
        }
    }

    private static void run(EngineClient client, JobId id, IdleBandwidthEstimator estimator, OwnTraffic own, long end,
                            Path dest, LocalEngine engine) throws Exception {
        long next = System.currentTimeMillis() + 100;
        long last = 0;
        JobState lastState = null;
        while (next <= end) {
            NetnsForeground.sleepUntil(next);
            engine.scheduler().wake();
            JobInfo job = client.getJob(id);
            // Metered bytes, not the store's progress (recorded only at checkpoints).
            long bytes = own.totalReceived();
            LinkEstimate e = estimator.estimates().stream().filter(x -> !x.upload()).findFirst()
                    .orElse(new LinkEstimate("-", false, 0, 0, 0, 0, -1));
            System.out.println("BG " + next + " " + (bytes - last) + " " + e.allowance() + " " + e.others() + " "
                    + e.capacity() + " " + e.queueDelayMicros() + " " + job.state() + " " + job.errorCount()
                    + " " + job.progress().bytesTransferred());
            if (job.state() != lastState) {
                System.out.println("STATE " + next + " " + job.state() + " " + job.error() + " " + job.blockedReason());
                lastState = job.state();
            }
            last = bytes;
            next += 100;
            if (job.state() == JobState.TRANSFERRED) {
                client.complete(id);
                System.out.println("DONE " + sha256(dest));
                break;
            }
        }
        System.out.flush();
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
