package org.drizzle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
    @TempDir
    Path dir;

    @Test
    void aPrivateCacheHoldsBothLibrariesOnceAndNamesThem() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("cache"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Map<String, String> first = NativeLibraries.properties(cache);
        assertEquals(cache.resolve("native").toString(), first.get("org.sqlite.lib.path"));
        assertEquals(cache.resolve("native").toString(), first.get("jna.boot.library.path"));
        // sqlite-jdbc's sweep for stale copies lists this folder, not all of the temp folder.
        assertEquals(cache.resolve("native").toString(), first.get("org.sqlite.tmpdir"));
        Path sqlite = cache.resolve("native").resolve(first.get("org.sqlite.lib.name"));
        Path jna = cache.resolve("native").resolve(System.mapLibraryName(first.get("jna.boot.library.name")));
        assertTrue(Files.size(sqlite) > 100_000, sqlite.toString());
        assertTrue(Files.size(jna) > 10_000, jna.toString());
        long written = Files.getLastModifiedTime(sqlite).toMillis();
        // A second start finds them and writes nothing.
        Files.setLastModifiedTime(sqlite, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
        assertEquals(first, NativeLibraries.properties(cache));
        assertEquals(written - 60_000, Files.getLastModifiedTime(sqlite).toMillis());
        // A truncated copy (a crash mid-write under the final name cannot happen, a damaged one can) is replaced.
        Files.write(sqlite, new byte[10]);
        assertEquals(first, NativeLibraries.properties(cache));
        assertTrue(Files.size(sqlite) > 100_000);
    }

    @Test
    void thePlatformProbesAnswersAreKeptAndCheckedAndJnaSearchesTheJvmsCLibraryFolder() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("probe"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Map<String, String> first = NativeLibraries.properties(cache);
        Path memo;
        try (var files = Files.list(cache.resolve("native"))) {
            memo = files.filter(f -> f.getFileName().toString().startsWith("sqlite-resource-")).findFirst().orElseThrow();
        }
        String resource = Files.readString(memo);
        assertTrue(resource.startsWith("/org/sqlite/native/") && resource.endsWith("/libsqlitejdbc.so"), resource);
        // A kept answer naming nothing in the jar is asked again, not trusted.
        Files.writeString(memo, "/org/sqlite/native/Nowhere/libsqlitejdbc.so");
        assertEquals(first, NativeLibraries.properties(cache));
        assertEquals(resource, Files.readString(memo));
        if (com.sun.jna.Platform.isLinux()) {
            String libc = NativeLibraries.libcFolder();
            assertTrue(libc != null && Files.isDirectory(Path.of(libc)), String.valueOf(libc));
            assertTrue(first.get("jna.platform.library.path").startsWith(libc + java.io.File.pathSeparator));
        }
    }

    @Test
    void aCacheOthersCanWriteIsNotUsed() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Map.of(), NativeLibraries.properties(cache));
        Path missing = dir.resolve("missing");
        assertEquals(Map.of(), NativeLibraries.properties(missing));
    }
}
