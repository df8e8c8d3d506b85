package org.drizzle.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobRules;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.job.RemoteValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store on a real file: schema, round trips, sealed and wiped secrets, indexes, transport state. */
class JobStoreTest {
    @TempDir
    Path dir;

    static Job job(long uid, long seq) {
        Job j = new Job(JobId.random(), "job " + seq, JobType.DOWNLOAD, new Owner(uid, "u" + uid), Instant.now(), seq);
        j.files().add(new JobFile("http://127.0.0.1/f", "/tmp/f" + seq, List.of(), "/tmp/.BIT0000000" + (seq % 10) + ".tmp"));
        return j;
    }

    @Test
    void createsSchemaWithVersionIndexesAndWal() throws Exception {
        try (JobStore s = JobStore.open(dir)) {
            assertThat(s.schemaVersion()).isEqualTo(Schema.CURRENT);
        }
        try (JobStore s = JobStore.open(dir)) {
            assertThat(s.schemaVersion()).isEqualTo(Schema.CURRENT);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(JobStore.FILE_NAME))) {
            List<String> indexes = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'index'")) {
                while (r.next()) {
                    indexes.add(r.getString(1));
                }
            }
            assertThat(indexes).contains("jobs_by_owner", "jobs_by_state", "jobs_by_final_time");
            try (ResultSet r = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet r = c.createStatement().executeQuery(
                    "EXPLAIN QUERY PLAN SELECT id FROM jobs WHERE state = 0 ORDER BY priority, sequence")) {
                StringBuilder plan = new StringBuilder();
                while (r.next()) {
                    plan.append(r.getString(4));
                }
                assertThat(plan.toString()).contains("jobs_by_state");
            }
        }
    }

    @Test
    void oneEnginePerStore() throws Exception {
        try (JobStore s = JobStore.open(dir)) {
            assertThat(s.file()).exists();
            assertThatThrownBy(() -> JobStore.open(dir)).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("in use by another Drizzle engine");
        }
        JobStore.open(dir).close();
    }

    @Test
    void roundTripsJobsFilesAndSecrets() throws Exception {
        Job j = job(1000, 1);
        JobRules.apply(j, new JobOptions().description("desc").customHeaders(List.of("X-Token: secret"))
                .credentials(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "alice", "pw"))));
        j.files().get(0).validator(new RemoteValidator(42, "\"e\"", "Mon, 01 Jan 2024 00:00:00 GMT"));
        j.files().get(0).bytesTransferred(17);
        try (JobStore s = JobStore.open(dir)) {
            s.save(j, null);
            s.saveState(j.id(), 0, "BITS-Session-Id", "{abc}");
        }
        try (JobStore s = JobStore.open(dir)) {
            List<Job> all = s.loadForStart();
            assertThat(all).hasSize(1);
            Job back = all.get(0);
            assertThat(back.id()).isEqualTo(j.id());
            assertThat(back.credentials()).extracting(Credential::password).containsExactly("pw");
            assertThat(back.customHeaders()).containsExactly("X-Token: secret");
            assertThat(back.files().get(0).validator()).isEqualTo(j.files().get(0).validator());
            assertThat(back.files().get(0).bytesTransferred()).isEqualTo(17);
            assertThat(s.state(j.id(), 0, "BITS-Session-Id")).isEqualTo("{abc}");
            JobInfo info = back.toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0);
            // Secrets are stored but never handed to clients.
            assertThat(info.credentials()).containsExactly("Server/Basic alice");
            assertThat(info.toString()).doesNotContain("pw,").doesNotContain("password=pw");
            s.saveState(j.id(), 0, "BITS-Session-Id", null);
            assertThat(s.state(j.id(), 0, "BITS-Session-Id")).isNull();
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void endedPurgedAndTakenJobsLeaveNeitherSecretsNorCiphertextInTheFiles() throws Exception {
        Job ended = job(1000, 1);
        Job purged = job(1000, 2);
        Job taken = job(1000, 3);
        for (Job j : List.of(ended, purged, taken)) {
            JobRules.apply(j, new JobOptions().customHeaders(List.of("X-Token: tok-" + j.sequence()))
                    .clientCertificate(new ClientCertificate("/tmp/c.p12", "certpw-" + j.sequence()))
                    .credentials(List.of(new Credential(AuthTarget.PROXY, AuthScheme.BASIC, "bob", "pw-" + j.sequence() + "-x"))));
        }
        try (JobStore s = JobStore.open(dir)) {
            s.save(ended, null);
            s.save(purged, null);
            s.save(taken, null);
            byte[] endedSealed = sealed(ended.id());
            byte[] purgedSealed = sealed(purged.id());
            byte[] takenSealed = sealed(taken.id());
            assertThat(s.loadForStart()).allSatisfy(j -> assertThat(j.clientCertificate().password()).startsWith("certpw-"));

            ended.transition(JobState.CANCELLED, Instant.now());
            s.save(ended, null);
            s.delete(purged.id());
            // TakeOwnership drops the old owner's secrets from a live job.
            taken.takeOwnership(new Owner(2000, "u2000"), Instant.now());
            s.save(taken, null);

            assertThat(Files.size(dir.resolve(JobStore.FILE_NAME + "-wal"))).isZero();
            for (String f : List.of(JobStore.FILE_NAME, JobStore.FILE_NAME + "-wal", JobStore.FILE_NAME + "-shm")) {
                String raw = new String(Files.readAllBytes(dir.resolve(f)), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(raw).as(f).doesNotContain("pw-1-x", "pw-2-x", "pw-3-x", "tok-1", "certpw-1",
                        slice(endedSealed), slice(purgedSealed), slice(takenSealed));
            }
            assertThat(s.loadForStart()).hasSize(2).allSatisfy(back -> {
                assertThat(back.credentials()).isEmpty();
                assertThat(back.customHeaders()).isEmpty();
                assertThat(back.clientCertificate()).isNull();
            });
            assertThat(sealed(ended.id())).isNull();
            assertThat(sealed(taken.id())).isNull();
        }
    }

    private byte[] sealed(JobId id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(JobStore.FILE_NAME));
             ResultSet r = c.createStatement().executeQuery("SELECT secrets FROM jobs WHERE id = '" + id + "'")) {
            return r.next() ? r.getBytes(1) : null;
        }
    }

    private static String slice(byte[] sealed) {
        return new String(sealed, sealed.length / 2 - 12, 24, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void indexedQueriesAndPurgeCandidates() throws Exception {
        try (JobStore s = JobStore.open(dir)) {
            Job a = job(1, 1);
            Job b = job(2, 2);
            Job c = job(1, 3);
            c.transition(JobState.CANCELLED, Instant.parse("2024-01-01T00:00:00Z"));
            for (Job j : List.of(a, b, c)) {
                s.save(j, null);
            }
            assertThat(s.idsOwnedBy(1)).containsExactly(a.id(), c.id());
            assertThat(s.idsInState(JobState.SUSPENDED)).containsExactly(a.id(), b.id());
            assertThat(s.finalBefore(Instant.parse("2024-01-02T00:00:00Z"))).containsExactly(c.id());
            s.delete(c.id());
            assertThat(s.loadForStart()).extracting(Job::id).containsExactly(a.id(), b.id());
        }
    }

    @Test
    void sweptFinalJobsAreLeftOutOfTheStartAndLoadedById() throws Exception {
        try (JobStore s = JobStore.open(dir)) {
            Job live = job(1, 1);
            Job unswept = job(1, 2);
            Job swept = job(1, 3);
            unswept.transition(JobState.CANCELLED, Instant.now());
            swept.transition(JobState.ACKNOWLEDGED, Instant.now());
            for (Job j : List.of(live, unswept, swept)) {
                s.save(j, null);
            }
            s.markSwept(swept.id());
            s.markSwept(live.id());   // not final: no mark
            assertThat(s.loadForStart()).extracting(Job::id).containsExactly(live.id(), unswept.id());
            assertThat(s.load(swept.id()).files()).hasSize(1);
            assertThat(s.load(swept.id()).state()).isEqualTo(JobState.ACKNOWLEDGED);
            assertThat(s.load(JobId.random())).isNull();
            assertThat(s.lastSequence()).isEqualTo(3);
            // Saving the job again clears the mark: a start reads it once more.
            s.save(swept, null);
            assertThat(s.loadForStart()).extracting(Job::id).containsExactly(live.id(), unswept.id(), swept.id());
        }
    }

    @Test
    void onlyChangedFilesAreRewrittenAndRemovedFilesDisappear() throws Exception {
        try (JobStore s = JobStore.open(dir)) {
            Job j = job(1, 1);
            j.files().add(new JobFile("http://127.0.0.1/g", "/tmp/g", List.of(), "/tmp/.BITAAAAAAAA.tmp"));
            s.save(j, null);
            j.files().get(1).bytesTransferred(99);
            s.save(j, List.of(1));
            assertThat(s.loadForStart().get(0).files().get(1).bytesTransferred()).isEqualTo(99);
            j.files().remove(1);
            s.save(j, null);
            assertThat(s.loadForStart().get(0).files()).hasSize(1);
        }
    }
}
