package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.store.JobStore;
import org.drizzle.engine.store.secrets.MachineKey;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 6, secrets at rest, against a real engine on a real SQLite store: every store
 * file is private to the engine's account, no credential, token or certificate password is ever
 * in the files in clear, and a job that ends leaves neither its secrets nor their ciphertext
 * behind. The hostile-user half (another account reading the machine store) is
 * {@link StoreFilesOtherUserTest}.
 */
class StoreSecretsSecurityTest {
    static final String USER = "dzst-user-Q7v2";
    static final String PASSWORD = "pw-Zq81-never-in-clear";
    static final String PROXY_USER = "dzst-proxy-user-L4";
    static final String PROXY_PASSWORD = "proxy-pw-Hh30-secret";
    static final String TOKEN = "tok-Bearer-5fJ9xWq2Rr";
    static final String CERT_PASSWORD = "p12-pass-K3mm-secret";
    static final String[] SECRETS = {USER, PASSWORD, PROXY_USER, PROXY_PASSWORD, TOKEN, CERT_PASSWORD};

    @TempDir
    Path tmp;

    final FaultServer server = FaultServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    Path store() {
        return tmp.resolve("store");
    }

    /** Server and proxy credentials, a write-only token header; with {@code cert}, a client certificate password. */
    JobOptions secrets(boolean cert) throws IOException {
        JobOptions o = new JobOptions()
                .credentials(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, USER, PASSWORD),
                        new Credential(AuthTarget.PROXY, AuthScheme.BASIC, PROXY_USER, PROXY_PASSWORD)))
                .customHeaders(List.of("X-Api-Token: Bearer " + TOKEN))
                .customHeadersWriteOnly(true);
        if (cert) {
            Path p12 = tmp.resolve("client.p12");
            if (!Files.exists(p12)) {
                Files.write(p12, new byte[] {1});
            }
            o.clientCertificate(new ClientCertificate(p12.toString(), CERT_PASSWORD));
        }
        return o;
    }

    /** A download that needs the basic credentials and gets the token header, transferred. */
    JobInfo transferredWithSecrets(EngineFixture f, EngineClient c, String path) throws IOException {
        Resource r = server.resource(path).generated(50_000).requireBasic(USER, PASSWORD);
        JobInfo job = c.createJob("with secrets", JobType.DOWNLOAD, secrets(false));
        c.addFile(job.id(), server.uri(path).toString(), tmp.resolve(path.substring(1) + ".out").toString(), List.of());
        c.resume(job.id());
        f.awaitState(c, job.id(), JobState.TRANSFERRED);
        assertThat(r.requests()).anySatisfy(q -> assertThat(q.header("X-Api-Token")).isEqualTo("Bearer " + TOKEN));
        return job;
    }

    @Test
    void everyStoreFileIsOwnerOnlyAndTheFolderStaysPrivate() throws Exception {
        try (EngineFixture f = new EngineFixture(store())) {
            EngineClient c = f.client();
            c.createJob("suspended", JobType.DOWNLOAD, secrets(true));
            transferredWithSecrets(f, c, "/modes");
            assertThat(StoreFileBytes.modes(store())).containsExactlyEntriesOf(privateModes());
        }
        try (EngineFixture f = new EngineFixture(store())) {
            f.client().createJob("again", JobType.DOWNLOAD, secrets(false));
            assertThat(StoreFileBytes.modes(store())).containsExactlyEntriesOf(privateModes());
        }
    }

    @Test
    void aStoreLeftWithLooseModesIsTightenedOnOpen() throws Exception {
        JobId id;
        try (EngineFixture f = new EngineFixture(store())) {
            id = f.client().createJob("kept", JobType.DOWNLOAD, secrets(false)).id();
        }
        // As an older Drizzle left them: 0644 files (the WAL and index too), a 0755 folder.
        for (String name : StoreFileBytes.DB_FILES) {
            Path p = store().resolve(name);
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
        }
        for (String name : List.of(JobStore.FILE_NAME, JobStore.FILE_NAME + "-wal", JobStore.FILE_NAME + "-shm", JobStore.LOCK_NAME)) {
            Files.setPosixFilePermissions(store().resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(store(), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (EngineFixture f = new EngineFixture(store())) {
            assertThat(StoreFileBytes.modes(store())).containsExactlyEntriesOf(privateModes());
            assertThat(f.client().getJob(id).credentials()).containsExactly("Server/Basic " + USER, "Proxy/Basic " + PROXY_USER);
        }
    }

    @Test
    void noSecretIsInClearInTheDatabaseWalOrIndex() throws Exception {
        try (EngineFixture f = new EngineFixture(store())) {
            EngineClient c = f.client();
            c.createJob("suspended", JobType.DOWNLOAD, secrets(true));
            JobInfo moved = c.createJob("modified", JobType.DOWNLOAD, new JobOptions());
            c.setProperties(moved.id(), secrets(true));
            transferredWithSecrets(f, c, "/clear");
            assertThat(Files.size(store().resolve(JobStore.FILE_NAME + "-wal"))).isPositive();
            assertThat(StoreFileBytes.find(store(), SECRETS)).isEmpty();
        }
        // After a clean close (the WAL checkpointed into the database) as much as while running.
        assertThat(StoreFileBytes.find(store(), SECRETS)).isEmpty();
        try (EngineFixture f = new EngineFixture(store())) {
            assertThat(f.client().listJobs(false)).hasSize(3)
                    .allSatisfy(j -> assertThat(j.credentials()).containsExactly("Server/Basic " + USER, "Proxy/Basic " + PROXY_USER));
        }
    }

    @Test
    void completeAndCancelWipeTheSecretsAndTheirCiphertextFromEveryFile() throws Exception {
        try (EngineFixture f = new EngineFixture(store())) {
            EngineClient c = f.client();
            JobInfo done = transferredWithSecrets(f, c, "/complete");
            JobInfo cancelled = c.createJob("to cancel", JobType.DOWNLOAD, secrets(true));
            JobInfo live = c.createJob("stays", JobType.DOWNLOAD, secrets(false));
            Map<String, byte[]> sealed = sealedSecrets();
            assertThat(sealed).containsOnlyKeys(done.id().toString(), cancelled.id().toString(), live.id().toString());

            c.complete(done.id());
            c.cancel(cancelled.id());

            // Checked on the raw files first: reading them through SQLite must not be what cleans them.
            List<String> names = List.of("completed job's ciphertext", "cancelled job's ciphertext");
            assertThat(StoreFileBytes.find(store(), names, StoreFileBytes.slice(sealed.get(done.id().toString())),
                    StoreFileBytes.slice(sealed.get(cancelled.id().toString())))).isEmpty();
            assertThat(StoreFileBytes.find(store(), SECRETS)).isEmpty();
            // (The wipe's checkpoint emptied the WAL; the sweep marks written after it carry no secret,
            // which the two searches above cover. JobStoreTest checks the checkpoint itself.)
            assertThat(sealedSecrets()).containsOnlyKeys(live.id().toString());
            assertThat(clearData()).allSatisfy(data -> assertThat(data).doesNotContain("\"credentials\"", "\"customHeaders\"", "\"clientCertificate\""));
            // The live job keeps working secrets.
            assertThat(c.getJob(live.id()).credentials()).hasSize(2);
        }
    }

    @Test
    void inactivityExpiryAndTheRetentionPurgeWipeTheSecretsToo() throws Exception {
        try (EngineFixture f = new EngineFixture(store())) {
            EngineClient c = f.client();
            JobInfo idle = c.createJob("idle", JobType.DOWNLOAD, secrets(true));
            byte[] sealed = sealedSecrets().get(idle.id().toString());
            assertThat(sealed).isNotNull();
            List<String> name = List.of("idle job's ciphertext");

            // JobInactivityTimeout (90 days) cancels it.
            f.clock.advance(java.time.Duration.ofDays(91));
            f.awaitState(c, idle.id(), JobState.CANCELLED);
            assertThat(StoreFileBytes.find(store(), name, StoreFileBytes.slice(sealed))).isEmpty();
            assertThat(sealedSecrets()).isEmpty();

            // The retention purge deletes the row.
            f.clock.advance(java.time.Duration.ofHours(1));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                f.engine.scheduler().wake();
                return f.engine.table().find(idle.id()) == null;
            });
            assertThat(StoreFileBytes.find(store(), SECRETS)).isEmpty();
            assertThat(StoreFileBytes.find(store(), name, StoreFileBytes.slice(sealed))).isEmpty();
        }
    }

    @Test
    void aKeyFileOthersCouldReadIsRefusedWithAClearError() throws Exception {
        new EngineFixture(store()).close();
        Path key = store().resolve(MachineKey.FILE_NAME);
        assertThat(Files.size(key)).isEqualTo(32);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new EngineFixture(store())).isInstanceOf(IOException.class)
                .hasMessageContaining("The store key file " + key + " is refused")
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600 " + key)
                .message().doesNotContain("java.");
        // Refused, not silently repaired: only an administrator decides to trust it again.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        new EngineFixture(store()).close();

        Path elsewhere = tmp.resolve("planted.key");
        Files.move(key, elsewhere);
        Files.createSymbolicLink(key, elsewhere);
        assertThatThrownBy(() -> new EngineFixture(store())).isInstanceOf(IOException.class)
                .hasMessageContaining("The store key file " + key + " is refused: it is not a regular file");
    }

    static Map<String, String> privateModes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(".", "rwx------");
        for (String name : StoreFileBytes.ALL_FILES) {
            m.put(name, "rw-------");
        }
        return m;
    }

    /** job id → sealed secrets, for the rows that have any (read with a connection of its own, closed after). */
    Map<String, byte[]> sealedSecrets() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store().resolve(JobStore.FILE_NAME));
             ResultSet r = db.createStatement().executeQuery("SELECT id, secrets FROM jobs WHERE secrets IS NOT NULL")) {
            while (r.next()) {
                out.put(r.getString(1), r.getBytes(2));
            }
        }
        return out;
    }

    List<String> clearData() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store().resolve(JobStore.FILE_NAME));
             ResultSet r = db.createStatement().executeQuery("SELECT data FROM jobs")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
