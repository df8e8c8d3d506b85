package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.Jobs;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.NotifyFlags;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.notify.LinuxNotifyLauncher;
import org.drizzle.engine.notify.NotifyCommandRunner;
import org.drizzle.engine.notify.NotifyLauncher;
import org.drizzle.engine.notify.SystemLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 12: one user's slow notify program does not delay another user's, and the time
 * limit ends everything the program started, not only the program itself.
 */
class NoisyNeighbourTest {
    @TempDir
    Path tmp;

    /** A folder every test user may write to. */
    private Path shared() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        return shared;
    }

    @Test
    void theTimeLimitEndsTheWholeProcessGroup() throws Exception {
        Path shared = shared();
        try (ThrowawayUsers users = new ThrowawayUsers()) {
            Owner owner = ThrowawayUsers.IS_ROOT ? owner(users.create("dzmc"))
                    : new Owner(Principal.current().uid(), Principal.current().name());
            Path child = shared.resolve("child.pid");
            Path orphan = shared.resolve("orphan.pid");
            // A backgrounded child, and a double-forked orphan that is no longer a descendant at all.
            String script = "sleep 300 & echo $! > " + child + "; (sleep 301 & echo $! > " + orphan + "); sleep 302";
            NotifyLauncher.Outcome outcome = new LinuxNotifyLauncher(Principal.current().uid())
                    .run(List.of("/bin/sh", "-c", script), owner, Duration.ofSeconds(2));
            assertThat(outcome.timedOut()).isTrue();
            for (Path pidFile : List.of(child, orphan)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                await("process " + pid + " from " + pidFile).atMost(Duration.ofSeconds(5)).until(() -> gone(pid));
            }
        }
    }

    @Test
    void aSlowProgramOfOneOwnerDoesNotDelayAnotherOwner() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: two throwaway users (useradd) as notify owners");
        Path shared = shared();
        Map<JobId, JobInfo> jobs = new ConcurrentHashMap<>();
        try (ThrowawayUsers users = new ThrowawayUsers();
             NotifyCommandRunner runner = new NotifyCommandRunner(jobs::get, SessionMonitor.ALWAYS,
                     new LinuxNotifyLauncher(Principal.current().uid()), SystemLog.NONE, Duration.ofSeconds(30),
                     Duration.ofSeconds(600))) {
            Owner slow = owner(users.create("dzmc"));
            Owner quick = owner(users.create("dzmc"));
            Path started = shared.resolve("slow.started");
            Path done = shared.resolve("quick.done");
            JobInfo slowJob = Jobs.job(JobId.random(), slow, JobState.TRANSFERRED, NotifyFlags.JOB_TRANSFERRED,
                    List.of("/bin/sh", "-c", "touch " + started + "; sleep 20"));
            JobInfo quickJob = Jobs.job(JobId.random(), quick, JobState.TRANSFERRED, NotifyFlags.JOB_TRANSFERRED,
                    List.of("/usr/bin/touch", "touch " + done)); // BITS form: program, then its command line
            jobs.put(slowJob.id(), slowJob);
            jobs.put(quickJob.id(), quickJob);

            runner.onEvent(new JobEvent(JobEvent.Kind.TRANSFERRED, slowJob, Instant.now()));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));
            long t0 = System.nanoTime();
            runner.onEvent(new JobEvent(JobEvent.Kind.TRANSFERRED, quickJob, Instant.now()));
            await().atMost(Duration.ofSeconds(8)).until(() -> Files.exists(done));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
            assertThat(Files.getOwner(done).getName()).isEqualTo(quick.name());
        }
    }

    private static Owner owner(Account a) {
        return new Owner(a.uid(), a.name());
    }

    /** No such process, or a zombie nobody reaps yet (this container's pid 1 may not). */
    private static boolean gone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
