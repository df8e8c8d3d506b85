package org.drizzle.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading logind and utmp sessions, the service-account rule and the logged-on run condition. */
class SessionSourcesTest {

    /** A utmp file made by util-linux utmpdump from text records. */
    static void utmp(Path file, String... records) throws Exception {
        Process p = new ProcessBuilder("utmpdump", "-r").redirectOutput(file.toFile()).start();
        p.getOutputStream().write(String.join("\n", records).concat("\n").getBytes());
        p.getOutputStream().close();
        assertThat(p.waitFor()).isZero();
    }

    static String record(int type, long pid, String user) {
        return String.format("[%d] [%05d] [ts/1] [%-8s] [pts/1       ] [host                ] [127.0.0.1      ] "
                + "[2026-11-24T13:00:00,000000+00:00]", type, pid, user);
    }

    @Test
    void utmpCountsLiveUserProcessRecordsOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("utmp");
        long me = ProcessHandle.current().pid();
        utmp(file, record(7, me, "alice"), record(8, me, "bob"), record(7, 999_999, "stale"), record(2, 0, "reboot"));
        Sessions s = new UtmpSessionSource(file).read();
        assertThat(s.names()).containsExactly("alice");
        assertThat(new UtmpSessionSource(dir.resolve("missing")).read()).isEqualTo(Sessions.NONE);
    }

    @Test
    void logindSessionFilesCountOpenUserSessions(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("1"), List.of("# This is private data.", "UID=1000", "USER=alice", "ACTIVE=1",
                "STATE=active", "CLASS=user"));
        Files.write(dir.resolve("2"), List.of("UID=1001", "USER=bob", "STATE=closing", "CLASS=user"));
        Files.write(dir.resolve("3"), List.of("UID=113", "USER=gdm", "STATE=online", "CLASS=greeter"));
        Files.write(dir.resolve("4.ref"), List.of("junk"));
        Sessions s = new LogindSessionSource(dir).read();
        assertThat(s.uids()).containsExactly(1000L);
        assertThat(s.names()).containsExactly("alice");
    }

    @Test
    void serviceAccountsAndAllowedUsersNeedNoSession(@TempDir Path dir) throws Exception {
        Path defs = dir.resolve("login.defs");
        Files.write(defs, List.of("# comment", "UID_MIN\t\t\t 2000", "UID_MAX 60000"));
        assertThat(SessionPolicy.uidMin(defs)).isEqualTo(2000);
        assertThat(SessionPolicy.uidMin(dir.resolve("none"))).isEqualTo(SessionPolicy.DEFAULT_UID_MIN);
        SessionPolicy p = new SessionPolicy(1000, Set.of("backup"), Set.of("ci"));
        assertThat(p.isServiceAccount(998, "systemd-x")).isTrue();
        assertThat(p.isServiceAccount(1500, "backup")).isTrue();
        assertThat(p.isServiceAccount(1500, "ci")).isFalse();
        assertThat(p.exempt(1500, "ci")).isTrue();
        assertThat(p.exempt(1500, "alice")).isFalse();
    }

    @Test
    void theRunConditionQueuesJobsOfAbsentOwnersAndWakesTheSchedulerOnLogon(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("utmp");
        utmp(file, record(7, ProcessHandle.current().pid(), "alice"));
        try (PollingSessionMonitor monitor = new PollingSessionMonitor(new UtmpSessionSource(file),
                new SessionPolicy(1000, Set.of(), Set.of("carol")), Duration.ofMillis(100))) {
            LoggedOnRunCondition condition = new LoggedOnRunCondition(monitor);
            AtomicInteger wakeUps = new AtomicInteger();
            condition.onChange(wakeUps::incrementAndGet);
            assertThat(condition.check(Jobs.ownedBy(new Owner(1001, "alice")))).isNull();
            assertThat(condition.check(Jobs.ownedBy(new Owner(0, "root")))).isNull();
            assertThat(condition.check(Jobs.ownedBy(new Owner(1003, "carol")))).isNull();
            Blocker b = condition.check(Jobs.ownedBy(new Owner(1002, "bob")));
            assertThat(b.showAsError()).isFalse();
            assertThat(b.code()).isEqualTo(ErrorCodes.ERROR_NOT_LOGGED_ON);
            assertThat(b.reason()).startsWith("owner bob has no logged-on session");
            utmp(file, record(7, ProcessHandle.current().pid(), "alice"), record(7, ProcessHandle.current().pid(), "bob"));
            await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() > 0);
            assertThat(condition.check(Jobs.ownedBy(new Owner(1002, "bob")))).isNull();
        }
    }
}
