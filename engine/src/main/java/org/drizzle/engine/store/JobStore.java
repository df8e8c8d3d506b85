package org.drizzle.engine.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobFile;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobState;

/**
 * The durable job queue: one SQLite file ({@code jobs.db}, WAL, synchronous=NORMAL) in the
 * store folder. A job is one {@code jobs} row (indexed columns for owner, state, priority and
 * final time, plus the job's properties and secrets as JSON) and one {@code files} row per file;
 * transport state (upload session ids) sits in {@code file_state}. Every method is one
 * transaction, so a job is always stored as a whole transition or not at all.
 *
 * <p>Durability: in WAL mode with synchronous=NORMAL a committed transaction survives a crash
 * of the process (the data is in the OS); a power loss may lose the last commits, which only
 * moves progress back to an earlier checkpoint, never forward past forced bytes. The folder is
 * created 0700 because the JSON holds credentials and custom headers.
 */
public final class JobStore implements AutoCloseable {
    public static final String FILE_NAME = "jobs.db";

    public static final String LOCK_NAME = "jobs.lock";

    private final Connection connection;
    private final ObjectMapper json;
    private final Path file;
    private final FileChannel lockChannel;

    private JobStore(Connection connection, Path file, FileChannel lockChannel) {
        this.connection = connection;
        this.file = file;
        this.lockChannel = lockChannel;
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    }

    /** Opens (creating if needed) the store in {@code folder} and migrates its schema. */
    public static JobStore open(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the per-user %LOCALAPPDATA% folder is already private.
        }
        Path db = folder.resolve(FILE_NAME);
        FileChannel lock = lock(folder);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            Schema.migrate(c);
            return new JobStore(c, db, lock);
        } catch (SQLException e) {
            lock.close();
            throw new IOException("Cannot open the job store " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * One engine per store: two schedulers on one queue would run the same job twice. The lock
     * is an OS file lock on {@code jobs.lock}, so a killed process releases it; the holder's pid
     * is written into the file so a refused engine can say who holds it.
     */
    private static FileChannel lock(Path folder) throws IOException {
        Path file = folder.resolve(LOCK_NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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

    /** Every job with its files, in creation order. */
    public synchronized List<Job> loadAll() throws IOException {
        Map<String, Job> jobs = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id, data FROM jobs ORDER BY sequence")) {
                while (r.next()) {
                    Job job = json.readValue(r.getString(2), Job.class);
                    job.files(new ArrayList<>());
                    jobs.put(r.getString(1), job);
                }
            }
            try (ResultSet r = s.executeQuery("SELECT job_id, idx, data FROM files ORDER BY job_id, idx")) {
                while (r.next()) {
                    Job job = jobs.get(r.getString(1));
                    if (job != null) {
                        job.files().add(json.readValue(r.getString(3), JobFile.class));
                    }
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw failure("load the jobs", e);
        }
        return new ArrayList<>(jobs.values());
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
     * rows of files beyond the job's file count are removed.
     */
    public synchronized void save(Job job, List<Integer> changedFiles) throws IOException {
        inTransaction("save job " + job.id(), () -> {
            writeJob(job);
            List<JobFile> files = job.files();
            if (changedFiles == null) {
                for (int i = 0; i < files.size(); i++) {
                    writeFile(job.id(), i, files.get(i));
                }
                try (PreparedStatement p = connection.prepareStatement("DELETE FROM files WHERE job_id = ? AND idx >= ?")) {
                    p.setString(1, job.id().toString());
                    p.setInt(2, files.size());
                    p.executeUpdate();
                }
            } else {
                for (int i : changedFiles) {
                    writeFile(job.id(), i, files.get(i));
                }
            }
        });
    }

    /** Removes a job, its files and its transport state. */
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

    /** All transport state of a job's files (for tests and diagnostics). */
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

    private void writeJob(Job job) throws SQLException, JsonProcessingException {
        try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO jobs"
                + " (id, owner_uid, state, priority, sequence, final_time, data) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
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
            p.setString(7, json.writeValueAsString(job));
            p.executeUpdate();
        }
    }

    private void writeFile(JobId id, int index, JobFile f) throws SQLException, JsonProcessingException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO files (job_id, idx, data) VALUES (?, ?, ?)")) {
            p.setString(1, id.toString());
            p.setInt(2, index);
            p.setString(3, json.writeValueAsString(f));
            p.executeUpdate();
        }
    }

    private interface SqlWork {
        void run() throws SQLException, JsonProcessingException;
    }

    private void inTransaction(String what, SqlWork work) throws IOException {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | JsonProcessingException e) {
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
