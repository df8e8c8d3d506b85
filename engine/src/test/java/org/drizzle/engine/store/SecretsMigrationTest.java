package org.drizzle.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobRules;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 2 on a store written by schema 1, which kept passwords and custom headers in the clear
 * JSON: on open the secrets are sealed (those of ended jobs dropped), no clear copy stays in the
 * file, and the jobs keep working with their credentials. Schema 3 on the way: the ended job is
 * swept and marked at that first start.
 */
class SecretsMigrationTest {
    static final String PASSWORD = "v1-clear-pw-Yy72";
    static final String TOKEN = "v1-clear-token-Pq09";
    static final String ENDED_PASSWORD = "v1-ended-pw-Mm44";

    @TempDir
    Path dir;

    Path store() {
        return dir.resolve("store");
    }

    /** Writes a version-1 store the way schema 1 did: every field of the job, secrets included, in {@code data}. */
    void writeVersion1Store(Job... jobs) throws Exception {
        Files.createDirectories(store());
        ObjectMapper json = JobStore.mapper();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store().resolve(JobStore.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            for (String sql : Schema.MIGRATIONS.get(0)) {
                s.execute(sql);
            }
            s.execute("INSERT INTO schema_version (version) VALUES (1)");
            for (Job j : jobs) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    p.setString(1, j.id().toString());
                    p.setLong(2, j.owner().uid());
                    p.setInt(3, j.state().value());
                    p.setInt(4, j.priority().value());
                    p.setLong(5, j.sequence());
                    p.setObject(6, j.finalTime() == null ? null : j.finalTime().toEpochMilli());
                    p.setString(7, json.writeValueAsString(j));
                    p.executeUpdate();
                }
                for (int i = 0; i < j.files().size(); i++) {
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO files VALUES (?, ?, ?)")) {
                        p.setString(1, j.id().toString());
                        p.setInt(2, i);
                        p.setString(3, json.writeValueAsString(j.files().get(i)));
                        p.executeUpdate();
                    }
                }
            }
        }
        assertThat(contains(PASSWORD)).as("the version-1 store holds the password in clear").isTrue();
    }

    boolean contains(String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path f = store().resolve(JobStore.FILE_NAME + suffix);
            if (Files.exists(f) && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                    .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void clearSecretsAreSealedOnOpenAndTheJobStillAuthenticates() throws Exception {
        Principal me = Principal.current();
        try (FaultServer server = FaultServer.start()) {
            Resource r = server.resource("/old").generated(30_000).requireBasic("olduser", PASSWORD);
            Job live = new Job(JobId.random(), "from v1", JobType.DOWNLOAD, new Owner(me.uid(), me.name()), Instant.now(), 1);
            JobRules.apply(live, new JobOptions().customHeaders(List.of("X-Token: " + TOKEN)).customHeadersWriteOnly(true)
                    .credentials(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "olduser", PASSWORD))));
            Path out = dir.resolve("old.out");
            live.files().add(new JobFile(server.uri("/old").toString(), out.toString(), List.of(),
                    dir.resolve(".BIT0000AAAA.tmp").toString()));
            Job ended = new Job(JobId.random(), "cancelled in v1", JobType.DOWNLOAD, new Owner(me.uid(), me.name()), Instant.now(), 2);
            JobRules.apply(ended, new JobOptions()
                    .credentials(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "gone", ENDED_PASSWORD))));
            ended.transition(JobState.CANCELLED, Instant.now());
            writeVersion1Store(live, ended);

            try (EngineFixture f = new EngineFixture(store())) {
                assertThat(f.engine.table().store().schemaVersion()).isEqualTo(Schema.CURRENT);
                for (String secret : List.of(PASSWORD, TOKEN, ENDED_PASSWORD, "olduser")) {
                    assertThat(contains(secret)).as(secret).isFalse();
                }
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store().resolve(JobStore.FILE_NAME));
                     ResultSet rows = c.createStatement().executeQuery("SELECT id, secrets IS NOT NULL, swept FROM jobs ORDER BY sequence")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getBoolean(2)).as("live job sealed").isTrue();
                    assertThat(rows.getBoolean(3)).as("live job not swept").isFalse();
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getBoolean(2)).as("ended job's secrets dropped").isFalse();
                    // Schema 3: the ended job is read at this first start, swept and marked, so later starts leave it on disk.
                    assertThat(rows.getBoolean(3)).as("ended job swept").isTrue();
                }
                assertThat(f.engine.table().all()).extracting(Job::id).contains(ended.id());
                EngineClient c = f.client();
                c.resume(live.id());
                f.awaitState(c, live.id(), JobState.TRANSFERRED);
                assertThat(r.requests()).anySatisfy(q -> assertThat(q.header("X-Token")).isEqualTo(TOKEN));
                c.complete(live.id());
                assertThat(Files.size(out)).isEqualTo(30_000);
            }
        }
    }
}
