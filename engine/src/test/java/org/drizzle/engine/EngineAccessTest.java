package org.drizzle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what (owners, admins), the Group Policy job limits, and refusals that store nothing. */
class EngineAccessTest {
    @TempDir
    Path dir;
    EngineFixture fx;
    EngineClient alice;
    EngineClient bob;
    EngineClient admin;

    @BeforeEach
    void setUp() throws Exception {
        fx = new EngineFixture(dir.resolve("store"), b -> b.limits(() ->
                new JobLimits(2, 5, 3, 500, Duration.ofDays(90), Duration.ofDays(90))));
        alice = fx.client();
        bob = fx.engine.client(fx.bob);
        admin = fx.engine.client(fx.admin);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    static void refused(Runnable r, int code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(BitsException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    @Test
    void ownersSeeOnlyTheirJobsAndAdminsSeeAll() {
        JobId a = alice.createJob("alice's", JobType.DOWNLOAD, null).id();
        JobId b = bob.createJob("bob's", JobType.DOWNLOAD, null).id();
        assertThat(alice.listJobs(false)).extracting(JobInfo::id).containsExactly(a);
        assertThat(bob.listJobs(false)).extracting(JobInfo::id).containsExactly(b);
        refused(() -> bob.getJob(a), ErrorCodes.E_ACCESSDENIED);
        refused(() -> bob.cancel(a), ErrorCodes.E_ACCESSDENIED);
        refused(() -> bob.listJobs(true), ErrorCodes.E_ACCESSDENIED);
        refused(() -> bob.getJob(JobId.random()), ErrorCodes.BG_E_NOT_FOUND);
        assertThat(admin.listJobs(true)).extracting(JobInfo::id).containsExactly(a, b);
        assertThat(alice.getJob(a).state()).isEqualTo(JobState.SUSPENDED);
    }

    @Test
    void takeOwnershipIsForAdminsAndStripsSecrets() {
        JobId a = alice.createJob("secret", JobType.DOWNLOAD, new JobOptions()
                .credentials(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "alice", "pw")))
                .customHeaders(List.of("X-Token: t")).notifyCmdLine(List.of("/bin/true"))).id();
        refused(() -> bob.takeOwnership(a), ErrorCodes.E_ACCESSDENIED);
        JobInfo taken = admin.takeOwnership(a);
        assertThat(taken.owner().name()).isEqualTo("root-like");
        assertThat(taken.credentials()).isEmpty();
        assertThat(taken.customHeaders()).isEmpty();
        assertThat(taken.notifyCmdLine()).isEmpty();
        refused(() -> alice.getJob(a), ErrorCodes.E_ACCESSDENIED);
    }

    @Test
    void jobAndFileLimitsRefuseWithoutStoringAnything() throws Exception {
        JobId first = alice.createJob("1", JobType.DOWNLOAD, null).id();
        alice.createJob("2", JobType.DOWNLOAD, null);
        refused(() -> alice.createJob("3", JobType.DOWNLOAD, null), ErrorCodes.BG_E_TOO_MANY_JOBS_PER_USER);
        assertThat(alice.listJobs(false)).hasSize(2);
        bob.createJob("b1", JobType.DOWNLOAD, null);
        bob.createJob("b2", JobType.DOWNLOAD, null);
        admin.createJob("admins are exempt", JobType.DOWNLOAD, null);
        refused(() -> fx.engine.client(new org.drizzle.engine.identity.Principal(9, 9, "carol", false))
                .createJob("c", JobType.DOWNLOAD, null), ErrorCodes.BG_E_TOO_MANY_JOBS_PER_MACHINE);
        // A cancelled job no longer counts.
        alice.cancel(first);
        alice.createJob("3", JobType.DOWNLOAD, null);

        JobId files = alice.listJobs(false).get(0).id();
        for (int i = 0; i < 3; i++) {
            alice.addFile(files, "http://127.0.0.1/f" + i, dir.resolve("f" + i).toString(), null);
        }
        refused(() -> alice.addFile(files, "http://127.0.0.1/f9", dir.resolve("f9").toString(), null),
                ErrorCodes.BG_E_TOO_MANY_FILES_IN_JOB);
        assertThat(alice.getJob(files).files()).hasSize(3);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() throws Exception {
        JobId id = alice.createJob("bad input", JobType.DOWNLOAD, null).id();
        refused(() -> alice.addFile(id, "gopher://h/f", dir.resolve("x").toString(), null), ErrorCodes.INTERNET_UNRECOGNIZED_SCHEME);
        refused(() -> alice.addFile(id, "http://127.0.0.1/f", "relative.bin", null), ErrorCodes.E_INVALIDARG);
        refused(() -> alice.addFile(id, "http://127.0.0.1/f", dir.resolve("no/such/x").toString(), null), ErrorCodes.ERROR_PATH_NOT_FOUND);
        refused(() -> alice.setProperties(id, new JobOptions().description("ok").minimumRetryDelay(1)), ErrorCodes.E_INVALIDARG);
        refused(() -> alice.createJob("x".repeat(300), JobType.DOWNLOAD, null), ErrorCodes.BG_E_STRING_TOO_LONG);
        JobInfo after = alice.getJob(id);
        assertThat(after.files()).isEmpty();
        assertThat(after.description()).isEmpty();
        assertThat(alice.listJobs(false)).hasSize(1);

        Path source = dir.resolve("upload.bin");
        Files.writeString(source, "payload");
        JobId up = alice.createJob("upload", JobType.UPLOAD, null).id();
        alice.addFile(up, "http://127.0.0.1/upload", source.toString(), null);
        refused(() -> alice.addFile(up, "http://127.0.0.1/upload2", source.toString(), null), ErrorCodes.BG_E_TOO_MANY_FILES);
        refused(() -> alice.complete(up), ErrorCodes.BG_E_INVALID_STATE);
    }

    @Test
    void jobsSurviveAReopenWithTheirProperties() throws Exception {
        JobId id = alice.createJob("durable", JobType.DOWNLOAD, new JobOptions().description("kept").minimumRetryDelay(77)).id();
        alice.addFile(id, "http://127.0.0.1/x", dir.resolve("x.bin").toString(), null);
        fx.close();
        fx = new EngineFixture(dir.resolve("store"));
        JobInfo back = fx.client().getJob(id);
        assertThat(back.description()).isEqualTo("kept");
        assertThat(back.minimumRetryDelay()).isEqualTo(77);
        assertThat(back.files()).hasSize(1);
        assertThat(back.state()).isEqualTo(JobState.SUSPENDED);
    }
}
