package org.drizzle.engine.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The store's schema and its migrations. Version {@code n} of the schema is reached by running
 * the statements of {@link #MIGRATIONS} entries 1..n in order, each migration in one
 * transaction together with the new number in {@code schema_version}; a store written by a
 * newer Drizzle (higher version than known) is refused rather than guessed at. A migration that
 * rewrites rows (version 2 seals the secrets of existing jobs) adds a Java {@link Step}, which
 * runs in the same transaction after the statements.
 */
final class Schema {
    /** Index i holds the statements that take the schema from version i to i + 1. */
    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    "CREATE TABLE jobs (id TEXT PRIMARY KEY, owner_uid INTEGER NOT NULL, state INTEGER NOT NULL,"
                            + " priority INTEGER NOT NULL, sequence INTEGER NOT NULL, final_time INTEGER, data TEXT NOT NULL)",
                    "CREATE INDEX jobs_by_owner ON jobs (owner_uid, sequence)",
                    "CREATE INDEX jobs_by_state ON jobs (state, priority, sequence)",
                    "CREATE INDEX jobs_by_final_time ON jobs (final_time) WHERE final_time IS NOT NULL",
                    "CREATE TABLE files (job_id TEXT NOT NULL, idx INTEGER NOT NULL, data TEXT NOT NULL,"
                            + " PRIMARY KEY (job_id, idx))",
                    "CREATE TABLE file_state (job_id TEXT NOT NULL, idx INTEGER NOT NULL, key TEXT NOT NULL,"
                            + " value TEXT NOT NULL, PRIMARY KEY (job_id, idx, key))"),
            // 2: secrets leave the clear JSON for a column sealed with the machine key (JobStore.sealClearSecrets).
            List.of("ALTER TABLE jobs ADD COLUMN secrets BLOB"),
            // 3: final jobs whose temp files are gone are marked, so a start leaves them on disk (JobStore.loadForStart).
            List.of("ALTER TABLE jobs ADD COLUMN swept INTEGER NOT NULL DEFAULT 0"));

    static final int CURRENT = MIGRATIONS.size();

    /** The version that moved secrets into the sealed column. */
    static final int SEALED_SECRETS = 2;

    /** Row rewriting that belongs to one migration. */
    interface Step {
        void run(Connection c) throws SQLException, IOException;
    }

    private Schema() {
    }

    /**
     * Brings the database to {@link #CURRENT}, running {@code steps.get(v)} after the statements
     * that reach version {@code v}, in their transaction.
     */
    static void migrate(Connection c, Map<Integer, Step> steps) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        }
        int found = version(c);
        if (found > CURRENT) {
            throw new SQLException("The job store has schema version " + found
                    + ", newer than this Drizzle understands (" + CURRENT + ").");
        }
        for (int v = found; v < CURRENT; v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                Step step = steps.get(v + 1);
                if (step != null) {
                    step.run(c);
                }
                s.execute("DELETE FROM schema_version");
                s.execute("INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
