package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 8: a hostile user names a job, and makes its notify program print, text with
 * line breaks that would read as a line of its own in the root service's log. The real machine
 * service (own JVM, its stderr as the service log, a syslog socket) writes each event as exactly
 * one line, the breaks visible as \n.
 */
class ForgedLogLinesTest {
    static final String FORGED_NAME = "report\nFAKE line [JOB_COMPLETED 7] job 00000000 'x' owner root: completed";

    @Test
    void aJobNameOrNotifyOutputWithLineBreaksIsOneLogLineEach(@TempDir Path tmp) throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: the machine service and a throwaway user (useradd)");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createDirectories(tmp.resolve("service"));
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        Files.setPosixFilePermissions(downloads, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (FaultServer http = FaultServer.start(); ThrowawayUsers users = new ThrowawayUsers();
             UserJvm jvm = new UserJvm(); SyslogSink syslog = new SyslogSink(dir.resolve("log"));
             LoggedServiceProcess service = LoggedServiceProcess.start(dir)) {
            http.resource("/a.bin").generated(10_000);
            Account mallory = users.create("dzmc");

            // An administrator's job whose name came from a user (a script that copies names).
            JobInfo job;
            try (RemoteEngine admin = service.connect()) {
                job = admin.createJob(FORGED_NAME, JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)
                        .description("d\r\nFAKE description"));
                admin.addFile(job.id(), http.uri("/a.bin").toString(), downloads.resolve("a.bin").toString(), null);
                admin.resume(job.id());
                await().atMost(Duration.ofSeconds(30)).until(() -> admin.getJob(job.id()).state() == JobState.TRANSFERRED);
                admin.complete(job.id());
            }
            // The user's own job: its notify program prints a fake line and fails.
            String reply = jvm.run(mallory, OwnerClient.class, service.socket.toString(), "notify",
                    "nightly\nFAKE notify name", http.uri("/a.bin").toString(), downloads.resolve("b.bin").toString(),
                    "/bin/sh", "-c", "printf 'out\\nFAKE output line\\r\\n'; exit 3");
            assertThat(reply).startsWith("OK ");
            await().atMost(Duration.ofSeconds(30)).until(() -> String.join("\n", service.logLines()).contains("exited with 3"));
            await().atMost(Duration.ofSeconds(10)).until(() -> syslog.entries.stream().anyMatch(e -> e.contains("exited with 3"))
                    || !Files.exists(dir.resolve("log")));

            List<String> lines = service.logLines();
            assertThat(lines).as("no line of the service log was written by a user").noneMatch(l -> l.startsWith("FAKE"));
            assertThat(lines).filteredOn(l -> l.contains("FAKE")).allMatch(l -> l.matches(".*\\\\[nr]FAKE.*"));
            assertThat(lines).filteredOn(l -> l.contains("[JOB_CREATED 3] job " + job.id())).singleElement().asString()
                    .contains("'report\\nFAKE line [JOB_COMPLETED 7]");
            assertThat(lines).filteredOn(l -> l.contains("[JOB_COMPLETED 7] job " + job.id())).hasSize(1);
            assertThat(lines).filteredOn(l -> l.contains("[NOTIFY_COMMAND_FAILED 12]")).singleElement().asString()
                    .contains("nightly\\nFAKE notify name", "output: out\\nFAKE output line");

            // The same entries reached syslog, one line each.
            assertThat(syslog.entries).anyMatch(e -> e.contains("report\\nFAKE line"))
                    .anyMatch(e -> e.contains("out\\nFAKE output line"))
                    .allMatch(e -> e.strip().indexOf('\n') < 0 && e.strip().indexOf('\r') < 0);
        }
    }
}
