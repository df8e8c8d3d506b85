package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.identity.Jobs;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.NotifyFlags;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BITS' notify command rules with real programs (run as this test's own user, so no setpriv). */
class NotifyCommandRunnerTest {
    final Owner me = new Owner(Principal.current().uid(), Principal.current().name());
    final Map<JobId, JobInfo> jobs = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final SystemLog systemLog = (event, job, message) -> log.add(event + " " + message);

    NotifyCommandRunner runner(SessionMonitor sessions, Duration timeLimit) {
        return new NotifyCommandRunner(jobs::get, sessions, new LinuxNotifyLauncher(me.uid()), systemLog, timeLimit,
                Duration.ofMillis(500));
    }

    JobInfo put(JobId id, JobState state, int flags, List<String> cmd) {
        JobInfo j = Jobs.job(id, me, state, flags, cmd);
        jobs.put(id, j);
        return j;
    }

    static JobEvent event(JobEvent.Kind kind, JobInfo job) {
        return new JobEvent(kind, job, Instant.now());
    }

    @Test
    void runsOnceWithTheArgumentsAsGivenAndNotForModification(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        JobId id = JobId.random();
        List<String> cmd = List.of("/bin/sh", "-c", "echo \"$0 $1 $HOME $FOO\" >> " + out, "arg one", "$FOO");
        try (NotifyCommandRunner r = runner(SessionMonitor.ALWAYS, Duration.ofSeconds(10))) {
            JobInfo transferred = put(id, JobState.TRANSFERRED, NotifyFlags.JOB_TRANSFERRED, cmd);
            r.onEvent(event(JobEvent.Kind.TRANSFERRED, transferred));
            r.onEvent(event(JobEvent.Kind.MODIFICATION, transferred));
            r.onEvent(event(JobEvent.Kind.MODIFICATION, transferred));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(out));
            Thread.sleep(800);
            String home = System.getProperty("user.home");
            // argv[0] is the program's own first word; no variable expansion of arguments
            assertThat(Files.readAllLines(out)).containsExactly("arg one $FOO " + home + " ");

            JobId modOnly = JobId.random();
            Path never = dir.resolve("never");
            JobInfo m = put(modOnly, JobState.TRANSFERRED, NotifyFlags.JOB_MODIFICATION, List.of("/bin/touch", never.toString()));
            r.onEvent(event(JobEvent.Kind.MODIFICATION, m));
            r.onEvent(event(JobEvent.Kind.TRANSFERRED, m));
            Thread.sleep(800);
            assertThat(never).doesNotExist();
        }
    }

    @Test
    void aFailingProgramRunsAgainWhileTheJobStaysTransferred(@TempDir Path dir) throws Exception {
        Path count = dir.resolve("count");
        JobId id = JobId.random();
        List<String> cmd = List.of("/bin/sh", "-c", "echo x >> " + count + "; exit 7");
        try (NotifyCommandRunner r = runner(SessionMonitor.ALWAYS, Duration.ofSeconds(10))) {
            r.onEvent(event(JobEvent.Kind.ERROR, put(id, JobState.ERROR, NotifyFlags.DEFAULT, cmd)));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(count) && Files.readAllLines(count).size() >= 3);
            put(id, JobState.ACKNOWLEDGED, NotifyFlags.DEFAULT, cmd);
            Thread.sleep(700);
            int runs = Files.readAllLines(count).size();
            Thread.sleep(1200);
            assertThat(Files.readAllLines(count)).hasSize(runs);
            assertThat(log).anyMatch(l -> l.startsWith("NOTIFY_COMMAND_FAILED") && l.contains("exited with 7"));
        }
    }

    @Test
    void aProgramOverItsTimeLimitIsKilledAndLogged() throws Exception {
        JobId id = JobId.random();
        try (NotifyCommandRunner r = runner(SessionMonitor.ALWAYS, Duration.ofMillis(700))) {
            JobInfo j = put(id, JobState.TRANSFERRED, NotifyFlags.DEFAULT, List.of("/bin/sh", "-c", "echo started; sleep 30"));
            r.onEvent(event(JobEvent.Kind.TRANSFERRED, j));
            await().atMost(Duration.ofSeconds(10)).until(() -> !log.isEmpty());
            assertThat(log.get(0)).contains("was killed after").contains("output: started");
            jobs.remove(id);
        }
    }

    @Test
    void neverForServiceAccounts(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("m");
        SessionMonitor serviceAccounts = new SessionMonitor() {
            @Override
            public boolean isLoggedOn(Owner owner) {
                return true;
            }

            @Override
            public boolean isServiceAccount(Owner owner) {
                return Set.of(me.name()).contains(owner.name());
            }
        };
        try (NotifyCommandRunner r = runner(serviceAccounts, Duration.ofSeconds(5))) {
            JobInfo j = put(JobId.random(), JobState.TRANSFERRED, NotifyFlags.DEFAULT, List.of("/bin/touch", marker.toString()));
            r.onEvent(event(JobEvent.Kind.TRANSFERRED, j));
            Thread.sleep(800);
            assertThat(marker).doesNotExist();
        }
    }
}
