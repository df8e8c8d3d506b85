package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.NotifyFlags;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The machine service with real users (root only): two throwaway accounts drive it from their
 * own JVMs under setpriv, so the service knows them only through SO_PEERCRED.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiUserServiceTest {
    static ThrowawayUsers users;
    static Account alice;
    static Account bob;
    static Path dir;
    static Path utmp;
    static FaultServer http;
    static ServiceFixture fx;
    static UserClients clients;
    static RemoteEngine root;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates users and runs the machine service");
        users = new ThrowawayUsers();
        alice = users.create("dza");
        bob = users.create("dzb");
        dir = Files.createTempDirectory("drizzle-mu");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        utmp = dir.resolve("utmp");
        writeUtmp(alice.name());
        ServiceConfig config = new ServiceConfig(ServiceMode.MACHINE, dir.resolve("store"), dir.resolve("run/drizzle.sock"),
                dir.resolve("etc"), Set.of(), Set.of(), Set.of(), "utmp", utmp, Duration.ofMillis(300),
                Duration.ofSeconds(30), Duration.ofSeconds(2), dir.resolve("no-syslog"), null, null);
        fx = new ServiceFixture(dir, config).start();
        http = FaultServer.start();
        http.resource("/a.bin").generated(200_000);
        http.resource("/slow.bin").generated(2_000_000).slow(200_000);
        clients = new UserClients(config.socket());
        root = fx.connect();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {root, clients, http, fx, users}) {
            if (c != null) {
                c.close();
            }
        }
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Rewrites the utmp file with one live USER_PROCESS record per user (pid = this JVM). */
    static void writeUtmp(String... names) throws Exception {
        StringBuilder text = new StringBuilder();
        int line = 1;
        for (String n : names) {
            text.append(String.format("[7] [%05d] [ts/%d] [%-8s] [pts/%-8d] [localhost           ] [127.0.0.1      ] "
                    + "[2026-11-24T13:00:00,000000+00:00]%n", ProcessHandle.current().pid(), line, n, line));
            line++;
        }
        Process p = new ProcessBuilder("utmpdump", "-r").redirectOutput(utmp.toFile()).start();
        p.getOutputStream().write(text.toString().getBytes());
        p.getOutputStream().close();
        assertThat(p.waitFor()).isZero();
    }

    static JsonNode ok(String line) throws IOException {
        assertThat(line).startsWith("OK ");
        return Protocol.mapper().readTree(line.substring(3));
    }

    static String as(Account who, String... args) throws Exception {
        return clients.run(who, "022", args);
    }

    static JobInfo job(String id) {
        return root.getJob(JobId.parse(id));
    }

    @Test
    @Order(1)
    void callersAreWhoTheKernelSays() throws Exception {
        JsonNode me = ok(as(alice, "whoami"));
        assertThat(me.get("uid").asLong()).isEqualTo(alice.uid());
        assertThat(me.get("name").asText()).isEqualTo(alice.name());
        assertThat(me.get("admin").asBoolean()).isFalse();
        assertThat(root.caller().admin()).isTrue();
    }

    @Test
    @Order(2)
    void ownersSeeAndChangeOnlyTheirJobsAndRunNotifyAsThemselves() throws Exception {
        Path home = Path.of(alice.home());
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\nout=\"$1\"; shift\n{ id -u; echo \"$0|$out $*\"; } >> \"$out\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path record = home.resolve("notified.txt");
        Path dest = home.resolve("a.bin");
        String id = ok(clients.run(alice, "027", "create", "alice-job", http.uri("/a.bin").toString(), dest.toString(),
                Integer.toString(NotifyFlags.JOB_TRANSFERRED), script.toString(), record.toString(), "JOBID", "two words")).asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).state() == JobState.TRANSFERRED);
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(record) && Files.readAllLines(record).size() >= 2);
        // bob neither sees nor touches alice's job
        assertThat(ok(as(bob, "list"))).isEmpty();
        assertThat(as(bob, "get", id)).startsWith("ERR ");
        for (String verb : List.of("suspend", "cancel", "complete", "take")) {
            assertThat(as(bob, verb, id)).as(verb).matches("ERR 0x80070005 .*|ERR 0x80200001 .*");
        }
        assertThat(job(id).state()).isEqualTo(JobState.TRANSFERRED);
        // alice sees it; root sees it only with AllUsers
        assertThat(ok(as(alice, "list")).toString()).contains(id);
        assertThat(root.listJobs(true)).extracting(j -> j.id().toString()).contains(id);
        assertThat(root.listJobs(false)).extracting(j -> j.id().toString()).doesNotContain(id);
        assertThat(as(alice, "listall")).startsWith("ERR 0x80070005");

        assertThat(ok(clients.run(alice, "027", "complete", id)).get("job").get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(Files.getAttribute(dest, "unix:uid")).isEqualTo((int) alice.uid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest))).isEqualTo("rw-r-----");
        Thread.sleep(1500);
        assertThat(Files.readAllLines(record)).containsExactly(Long.toString(alice.uid()),
                script + "|" + record + " " + id + " two words");
        assertThat(Files.getAttribute(record, "unix:uid")).isEqualTo((int) alice.uid());
    }

    @Test
    @Order(3)
    void aJobWaitsQueuedWhileItsOwnerHasNoSession() throws Exception {
        Path dest = Path.of(bob.home(), "b.bin");
        String id = ok(as(bob, "create", "bob-job", http.uri("/a.bin").toString(), dest.toString())).asText();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> job(id).state() == JobState.QUEUED);
        assertThat(job(id).blockedReason()).contains("owner " + bob.name() + " has no logged-on session");
        writeUtmp(alice.name(), bob.name());
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).state() == JobState.TRANSFERRED);
        assertThat(ok(as(bob, "complete", id)).get("job").get("state").asText()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    @Order(4)
    void aUsersJobCannotWriteWhereTheUserCannot() throws Exception {
        Path rootOwned = Path.of("/etc/drizzle-test-owned-by-root");
        Files.createDirectories(rootOwned);
        try {
            Files.setPosixFilePermissions(rootOwned, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path target = rootOwned.resolve("x");
            String reply = as(bob, "create", "deputy", http.uri("/a.bin").toString(), target.toString());
            if (reply.startsWith("OK ")) {
                String id = ok(reply).asText();
                await().atMost(Duration.ofSeconds(30)).until(() -> job(id).state() == JobState.ERROR);
                assertThat(job(id).error().code()).isEqualTo(org.drizzle.engine.job.ErrorCodes.E_ACCESSDENIED);
                root.cancel(JobId.parse(id));
            } else {
                assertThat(reply).startsWith("ERR 0x80070005");
            }
            assertThat(target).doesNotExist();
            try (var left = Files.list(rootOwned)) {
                assertThat(left).isEmpty();
            }
        } finally {
            try (var left = Files.list(rootOwned)) {
                left.forEach(p -> p.toFile().delete());
            }
            Files.delete(rootOwned);
        }
    }

    @Test
    @Order(5)
    void aFailingNotifyProgramRunsAgainAfterTheRetryDelayAndNeverForModification() throws Exception {
        Path count = Path.of(bob.home(), "count.txt");
        String failing = ok(as(bob, "create", "fails", http.uri("/a.bin").toString(), Path.of(bob.home(), "c.bin").toString(),
                "3", "/bin/sh", "-c", "echo run >> " + count + "; exit 3")).asText();
        Path never = Path.of(bob.home(), "never.txt");
        String modOnly = ok(as(bob, "create", "modonly", http.uri("/a.bin").toString(), Path.of(bob.home(), "d.bin").toString(),
                Integer.toString(NotifyFlags.JOB_MODIFICATION), "/bin/sh", "-c", "echo run >> " + never)).asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(count) && Files.readAllLines(count).size() >= 2);
        assertThat(job(failing).state()).isEqualTo(JobState.TRANSFERRED);
        await().atMost(Duration.ofSeconds(30)).until(() -> job(modOnly).state() == JobState.TRANSFERRED);
        as(bob, "complete", failing);
        int runs = Files.readAllLines(count).size();
        Thread.sleep(3000);
        assertThat(Files.readAllLines(count)).hasSize(runs);
        assertThat(never).doesNotExist();
        as(bob, "complete", modOnly);
    }

    @Test
    @Order(6)
    void onlyRootTakesOwnershipAndItStripsSecrets() throws Exception {
        String id = ok(as(bob, "create", "secret", http.uri("/slow.bin").toString(), Path.of(bob.home(), "s.bin").toString(),
                "3", "/bin/true")).asText();
        JobId jobId = JobId.parse(id);
        root.suspend(jobId);
        root.setProperties(jobId, new JobOptions()
                .credentials(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "u", "p")))
                .customHeaders(List.of("X-Secret: 1")));
        assertThat(root.getJob(jobId).credentials()).isNotEmpty();
        assertThat(as(alice, "take", id)).startsWith("ERR ");
        JobInfo taken = root.takeOwnership(jobId);
        assertThat(taken.owner().uid()).isZero();
        assertThat(taken.credentials()).isNullOrEmpty();
        assertThat(taken.customHeaders()).isNullOrEmpty();
        assertThat(taken.notifyCmdLine()).isNullOrEmpty();
        assertThat(ok(as(bob, "list"))).isEmpty();
        root.cancel(jobId);
    }
}
