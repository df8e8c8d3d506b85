package org.drizzle.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's files exist, empty and 0600, before SQLite opens them; links are refused, never followed. */
class StoreFilesTest {
    @TempDir
    Path dir;

    @Test
    void theDatabaseWalAndIndexAreCreatedEmptyAndPrivateBeforeSqliteOpensThem() throws Exception {
        Path store = dir.resolve("a/b/store");
        StoreFiles.prepare(store, JobStore.FILE_NAME, List.of(JobStore.LOCK_NAME));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rwx------");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path f = store.resolve(JobStore.FILE_NAME + suffix);
            assertThat(Files.size(f)).as(suffix).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(suffix).isEqualTo("rw-------");
        }
        assertThat(store.resolve(JobStore.FILE_NAME + "-journal")).doesNotExist();
        // SQLite takes the empty files as a new database.
        try (JobStore s = JobStore.open(store)) {
            assertThat(s.schemaVersion()).isEqualTo(Schema.CURRENT);
            s.save(JobStoreTest.job(1, 1), null);
            assertThat(s.loadForStart()).hasSize(1);
        }
    }

    @Test
    void aStoreFileThatIsALinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        Path target = dir.resolve("elsewhere");
        Files.createFile(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(store.resolve(JobStore.FILE_NAME + "-wal"), target);
        assertThatThrownBy(() -> JobStore.open(store)).isInstanceOf(IOException.class)
                .hasMessage("The job store file " + store.resolve(JobStore.FILE_NAME + "-wal")
                        + " is not a regular file; move it away and start again.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }
}
