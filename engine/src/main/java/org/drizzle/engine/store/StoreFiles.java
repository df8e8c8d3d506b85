package org.drizzle.engine.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Keeps the store private to the engine's account: the folder 0700 and every file in it 0600
 * from its first byte. SQLite creates {@code jobs.db} 0644 (less the umask) and its WAL and
 * shared-memory files lazily with the database's mode, so the store creates the three empty and
 * 0600 before SQLite opens them (SQLite takes empty files as a new database, an empty WAL and a
 * fresh index). Files left with looser modes by an older Drizzle are tightened on open. On
 * Windows the per-user or service folder's ACL does this job, and nothing here applies.
 */
final class StoreFiles {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** The database and the files SQLite keeps next to it (the rollback journal only during a mode change). */
    static final List<String> SQLITE_SUFFIXES = List.of("", "-wal", "-shm", "-journal");

    private StoreFiles() {
    }

    static boolean posix(Path folder) {
        return Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
    }

    /** The attributes to create a store file with. */
    static FileAttribute<?>[] privateFile(Path folder) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates or tightens the folder and the database files before SQLite touches them. */
    static void prepare(Path folder, String dbName, List<String> otherFiles) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = posix(parent == null ? folder : parent);
        try {
            Files.createDirectory(folder, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)} : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException e) {
            // An existing store: tightened below.
        }
        if (!posix) {
            return;
        }
        Files.setPosixFilePermissions(folder, FOLDER);
        for (String suffix : SQLITE_SUFFIXES) {
            Path f = folder.resolve(dbName + suffix);
            if (!suffix.equals("-journal")) {
                createPrivate(f);
            }
            tighten(f);
        }
        for (String name : otherFiles) {
            tighten(folder.resolve(name));
        }
    }

    private static void createPrivate(Path f) throws IOException {
        try {
            Files.createFile(f, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
            // Kept; its mode is checked next.
        }
    }

    /** An existing regular file gets 0600; links are never followed (nothing is chmod-ed through one). */
    private static void tighten(Path f) throws IOException {
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributes a = Files.readAttributes(f, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new IOException("The job store file " + f + " is not a regular file; move it away and start again.");
        }
        if (!FILE.containsAll(a.permissions()) || !a.permissions().containsAll(FILE)) {
            Files.setPosixFilePermissions(f, FILE);
        }
    }
}
