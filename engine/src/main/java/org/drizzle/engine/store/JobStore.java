package org.drizzle.engine.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.store.secrets.MachineKey;
import org.drizzle.engine.store.secrets.SecretBox;
import org.slf4j.LoggerFactory;

/**
 * The durable job queue: one SQLite file ({@code jobs.db}, WAL, synchronous=NORMAL) in the
 * store folder. A job is one {@code jobs} row (indexed columns for owner, state, priority and
 * final time, the job's properties as JSON, and its secrets sealed with the machine key) and one
 * {@code files} row per file; transport state (upload session ids) sits in {@code file_state}.
 * Every method is one transaction, so a job is always stored as a whole transition or not at all.
 *
 * <p>Durability: in WAL mode with synchronous=NORMAL a committed transaction survives a crash
 * of the process (the data is in the OS); a power loss may lose the last commits, which only
 * moves progress back to an earlier checkpoint, never forward past forced bytes.
 *
 * <p>Secrets at rest: the folder is 0700 and every file 0600 from its first byte
 * ({@link StoreFiles}); secrets are sealed ({@link SealedSecrets}); when a job ends
 * (ACKNOWLEDGED, CANCELLED) or is deleted, its secrets are dropped, and with
 * {@code secure_delete} and a truncating WAL checkpoint no copy of them stays in the files.
 */
public final class JobStore implements AutoCloseable {
    public static final String FILE_NAME = "jobs.db";

    public static final String LOCK_NAME = "jobs.lock";

    private final Connection connection;
    /** Shared by every store (thread-safe once made): what one has learnt about the job classes, all have. */
    private static final ObjectMapper JSON = mapper();
    private final ObjectMapper json = JSON;
    private final SealedSecrets secrets;
    /** Ids of the rows whose {@code secrets} column holds a sealed value: dropping one calls for a wipe. */
    private final Set<String> sealedRows = new HashSet<>();
    private final Path file;
    private final FileChannel lockChannel;

    private JobStore(Connection connection, Path file, FileChannel lockChannel, SecretBox box) {
        this.connection = connection;
        this.file = file;
        this.lockChannel = lockChannel;
        this.secrets = new SealedSecrets(box, json);
    }

    /** How jobs and files become JSON: their fields, dates as ISO text. */
    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    }

    /**
     * Opens (creating if needed) the store in {@code folder}: makes its files private, takes the
     * one-engine lock, loads the machine key and migrates the schema.
     */
    public static JobStore open(Path folder) throws IOException {
        StoreFiles.prepare(folder, FILE_NAME, List.of(LOCK_NAME));
        Path db = folder.resolve(FILE_NAME);
        FileChannel lock = lock(folder);
        Connection c = null;
        try {
            SecretBox box = new SecretBox(MachineKey.forStore(folder).load());
            c = DriverManager.getConnection("jdbc:sqlite:" + db);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                // Deleted rows are zeroed, not left in free space; temp tables and sorts never touch a temp file.
                s.execute("PRAGMA secure_delete=ON");
                s.execute("PRAGMA temp_store=MEMORY");
            }
            JobStore store = new JobStore(c, db, lock, box);
            store.migrate();
            store.findSealedRows();
            return store;
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(c);
            lock.close();
            throw new IOException("Cannot open the job store " + db + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException e) {
            LoggerFactory.getLogger(JobStore.class).warn("closing a store that failed to open: {}", e.getMessage());
        }
    }

    private void migrate() throws SQLException, IOException {
        int[] sealed = {0};
        Schema.migrate(connection, Map.of(Schema.SEALED_SECRETS, c -> sealed[0] = sealClearSecrets()));
        if (sealed[0] > 0) {
            // The clear text of the old rows may sit in free pages and in the WAL: rebuild, then empty the WAL.
            try (Statement s = connection.createStatement()) {
                s.execute("VACUUM");
            }
            checkpoint();
        }
    }

    /**
     * Schema 2: the secrets a version-1 store kept in the clear JSON move to the sealed column;
     * those of jobs that already ended are dropped. Returns the number of rows rewritten.
     */
    private int sealClearSecrets() throws SQLException, IOException {
        Map<String, ObjectNode> rewrite = new LinkedHashMap<>();
        Map<String, Boolean> ended = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT id, state, data FROM jobs")) {
            while (r.next()) {
                ObjectNode data = (ObjectNode) json.readTree(r.getString(3));
                if (SealedSecrets.FIELDS.stream().anyMatch(data::has)) {
                    rewrite.put(r.getString(1), data);
                    ended.put(r.getString(1), r.getInt(2) == JobState.ACKNOWLEDGED.value()
                            || r.getInt(2) == JobState.CANCELLED.value());
                }
            }
        }
        try (PreparedStatement p = connection.prepareStatement("UPDATE jobs SET data = ?, secrets = ? WHERE id = ?")) {
            for (Map.Entry<String, ObjectNode> e : rewrite.entrySet()) {
                ObjectNode data = e.getValue();
                byte[] sealed = ended.get(e.getKey()) ? null : secrets.seal(e.getKey(), data);
                SealedSecrets.strip(data);
                p.setString(1, json.writeValueAsString(data));
                p.setBytes(2, sealed);
                p.setString(3, e.getKey());
                p.executeUpdate();
            }
        }
        return rewrite.size();
    }

    /**
     * One engine per store: two schedulers on one queue would run the same job twice. The lock
     * is an OS file lock on {@code jobs.lock}, so a killed process releases it; the holder's pid
     * is written into the file so a refused engine can say who holds it.
     */
    private static FileChannel lock(Path folder) throws IOException {
        Path file = folder.resolve(LOCK_NAME);
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), StoreFiles.privateFile(folder));
        try {
            if (ch.tryLock() != null) {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
                return ch;
            }
        } catch (OverlappingFileLockException e) {
            // Held by this JVM: same answer as another process.
        }
        ch.close();
        String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        throw new IOException("The job store in " + folder + " is in use by another Drizzle engine"
                + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ".");
    }

    public Path file() {
        return file;
    }

    public synchronized int schemaVersion() throws IOException {
        try {
            return Schema.version(connection);
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    /**
     * The jobs a starting engine holds, with their files, in creation order: every unfinished job,
     * and the final ones not yet swept (their temp files may still be on disk: start-up recovery
     * deletes them). Final jobs whose sweep is recorded ({@link #markSwept}) stay on disk and are
     * read by id when asked for ({@link #load}), so a start does not grow with the jobs retained.
     */
    public synchronized List<Job> loadForStart() throws IOException {
        return load("j.final_time IS NULL OR j.swept = 0", null);
    }

    /** One job with its files, or null when the store has none with that id. */
    public synchronized Job load(JobId id) throws IOException {
        List<Job> found = load("j.id = ?", id.toString());
        return found.isEmpty() ? null : found.get(0);
    }

    /** The jobs matching {@code where} (on {@code jobs j}, with one optional text parameter), with their files. */
    private List<Job> load(String where, String parameter) throws IOException {
        Map<String, Job> jobs = new LinkedHashMap<>();
        try (PreparedStatement p = connection.prepareStatement(
                     "SELECT j.id, j.data, j.secrets FROM jobs j WHERE " + where + " ORDER BY j.sequence");
             PreparedStatement f = connection.prepareStatement("SELECT f.job_id, f.data FROM files f"
                     + " JOIN jobs j ON j.id = f.job_id WHERE " + where + " ORDER BY f.job_id, f.idx")) {
            if (parameter != null) {
                p.setString(1, parameter);
                f.setString(1, parameter);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ObjectNode data = (ObjectNode) json.readTree(r.getString(2));
                    byte[] sealed = r.getBytes(3);
                    if (sealed != null) {
                        secrets.open(r.getString(1), sealed, data);
                    }
                    Job job = json.treeToValue(data, Job.class);
                    job.files(new ArrayList<>());
                    jobs.put(r.getString(1), job);
                }
            }
            try (ResultSet r = f.executeQuery()) {
                while (r.next()) {
                    Job job = jobs.get(r.getString(1));
                    if (job != null) {
                        job.files().add(json.readValue(r.getString(2), JobFile.class));
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw failure("load the jobs", e);
        }
        return new ArrayList<>(jobs.values());
    }

    /** The highest sequence number any stored job has (0 when none): new jobs number on from it. */
    public synchronized long lastSequence() throws IOException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(sequence) FROM jobs")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure("read the last sequence number", e);
        }
    }

    /**
     * Records that a final job's temp files are all gone (its end or start-up recovery deleted
     * them): later starts leave it on disk. Any later save of the job clears the mark again
     * (the row is rewritten with the column's default), so it is never stale.
     */
    public synchronized void markSwept(JobId id) throws IOException {
        try (PreparedStatement p = connection.prepareStatement(
                "UPDATE jobs SET swept = 1 WHERE id = ? AND final_time IS NOT NULL")) {
            p.setString(1, id.toString());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("mark job " + id + " swept", e);
        }
    }

    /** Ids of the jobs in {@code state} (uses the state index). */
    public synchronized List<JobId> idsInState(JobState state) throws IOException {
        List<JobId> ids = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT id FROM jobs WHERE state = ? ORDER BY priority, sequence")) {
            p.setInt(1, state.value());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(JobId.parse(r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw failure("query jobs by state", e);
        }
        return ids;
    }

    /** Ids of {@code uid}'s jobs (uses the owner index). */
    public synchronized List<JobId> idsOwnedBy(long uid) throws IOException {
        List<JobId> ids = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT id FROM jobs WHERE owner_uid = ? ORDER BY sequence")) {
            p.setLong(1, uid);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(JobId.parse(r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw failure("query jobs by owner", e);
        }
        return ids;
    }

    /**
     * Writes a job's row and the given files ({@code null}: all of them) in one transaction;
     * rows of files beyond the job's file count are removed. A job that ended
     * (ACKNOWLEDGED, CANCELLED) is written without its secrets; secrets a row loses (the job
     * ended, TakeOwnership, credentials removed) are wiped from the files.
     */
    public synchronized void save(Job job, List<Integer> changedFiles) throws IOException {
        boolean[] sealed = {false};
        inTransaction("save job " + job.id(), () -> {
            sealed[0] = writeJob(job);
            List<JobFile> files = job.files();
            if (changedFiles == null) {
                writeFiles(job.id(), files, IntStream.range(0, files.size()).boxed().toList());
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM files WHERE job_id = ? AND idx >= ?")) {
                    p.setString(1, job.id().toString());
                    p.setInt(2, files.size());
                    p.executeUpdate();
                }
            } else {
                writeFiles(job.id(), files, changedFiles);
            }
        });
        if (sealed[0]) {
            sealedRows.add(job.id().toString());
        } else if (sealedRows.remove(job.id().toString())) {
            checkpoint();
        }
    }

    /** Removes a job, its files and its transport state (and wipes its secrets if it still had any). */
    public synchronized void delete(JobId id) throws IOException {
        inTransaction("delete job " + id, () -> {
            for (String table : List.of("jobs", "files", "file_state")) {
                String column = table.equals("jobs") ? "id" : "job_id";
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
                    p.setString(1, id.toString());
                    p.executeUpdate();
                }
            }
        });
        if (sealedRows.remove(id.toString())) {
            checkpoint();
        }
    }

    private void findSealedRows() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM jobs WHERE secrets IS NOT NULL")) {
            while (r.next()) {
                sealedRows.add(r.getString(1));
            }
        }
    }

    /**
     * Copies the WAL into the database and truncates it to zero bytes, so the page versions that
     * held wiped secrets leave the WAL; {@code secure_delete} has zeroed them in the new pages.
     */
    private void checkpoint() throws IOException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (r.next() && r.getInt(1) != 0) {
                LoggerFactory.getLogger(JobStore.class).warn("{}: the WAL checkpoint that wipes dropped secrets"
                        + " was blocked; the next wipe or the close retries it", file);
            }
        } catch (SQLException e) {
            throw failure("checkpoint the WAL", e);
        }
    }

    /** Ids of final jobs that reached their final state before {@code cutoff} (uses the final-time index). */
    public synchronized List<JobId> finalBefore(Instant cutoff) throws IOException {
        List<JobId> ids = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT id FROM jobs WHERE final_time IS NOT NULL AND final_time < ?")) {
            p.setLong(1, cutoff.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(JobId.parse(r.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw failure("query final jobs", e);
        }
        return ids;
    }

    /** One transport state value of a file, or null. */
    public synchronized String state(JobId id, int index, String key) throws IOException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT value FROM file_state WHERE job_id = ? AND idx = ? AND key = ?")) {
            p.setString(1, id.toString());
            p.setInt(2, index);
            p.setString(3, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read transport state", e);
        }
    }

    /** Saves (or with null removes) one transport state value of a file. */
    public synchronized void saveState(JobId id, int index, String key, String value) throws IOException {
        inTransaction("save transport state", () -> {
            String sql = value == null
                    ? "DELETE FROM file_state WHERE job_id = ? AND idx = ? AND key = ?"
                    : "INSERT OR REPLACE INTO file_state (job_id, idx, key, value) VALUES (?, ?, ?, ?)";
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                p.setString(1, id.toString());
                p.setInt(2, index);
                p.setString(3, key);
                if (value != null) {
                    p.setString(4, value);
                }
                p.executeUpdate();
            }
        });
    }

    /** All transport state of one of a job's files (a cancelled upload's Cancel-Session; tests). */
    public synchronized Map<String, String> states(JobId id, int index) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT key, value FROM file_state WHERE job_id = ? AND idx = ?")) {
            p.setString(1, id.toString());
            p.setInt(2, index);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw failure("read transport state", e);
        }
        return out;
    }

    /** Writes the job's row; whether it holds sealed secrets. */
    private boolean writeJob(Job job) throws SQLException, IOException {
        ObjectNode data = json.valueToTree(job);
        byte[] sealed;
        if (job.state().isFinal()) {
            SealedSecrets.strip(data);
            sealed = null;
        } else {
            sealed = secrets.seal(job.id().toString(), data);
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO jobs"
                + " (id, owner_uid, state, priority, sequence, final_time, data, secrets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, job.id().toString());
            p.setLong(2, job.owner().uid());
            p.setInt(3, job.state().value());
            p.setInt(4, job.priority().value());
            p.setLong(5, job.sequence());
            if (job.finalTime() == null) {
                p.setNull(6, java.sql.Types.INTEGER);
            } else {
                p.setLong(6, job.finalTime().toEpochMilli());
            }
            p.setString(7, json.writeValueAsString(data));
            p.setBytes(8, sealed);
            p.executeUpdate();
        }
        return sealed != null;
    }

    /** Writes the rows of {@code files} at {@code indexes}, through one statement (a new job's set is 1 000 rows). */
    private void writeFiles(JobId id, List<JobFile> files, List<Integer> indexes) throws SQLException, JsonProcessingException {
        String jobId = id.toString();
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO files (job_id, idx, data) VALUES (?, ?, ?)")) {
            for (int i : indexes) {
                p.setString(1, jobId);
                p.setInt(2, i);
                p.setString(3, json.writeValueAsString(files.get(i)));
                p.executeUpdate();
            }
        }
    }

    private interface SqlWork {
        void run() throws SQLException, IOException;
    }

    private void inTransaction(String what, SqlWork work) throws IOException {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw failure(what, e);
        }
    }

    private IOException failure(String what, Exception e) {
        return new IOException("Job store " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(JobStore.class).warn("closing {}: {}", file, e.getMessage());
        }
        try {
            lockChannel.close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(JobStore.class).warn("releasing the store lock: {}", e.getMessage());
        }
    }
}
