package org.drizzle.engine.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drizzle.engine.store.JobStore;
import org.drizzle.engine.store.secrets.MachineKey;

/** What an attacker holding a copy of the store's files would see: their raw bytes and modes. */
final class StoreFileBytes {
    /** The database and the files SQLite keeps next to it. */
    static final List<String> DB_FILES = List.of(JobStore.FILE_NAME, JobStore.FILE_NAME + "-wal", JobStore.FILE_NAME + "-shm");

    /** Every file the store keeps. */
    static final List<String> ALL_FILES = List.of(JobStore.FILE_NAME, JobStore.FILE_NAME + "-wal",
            JobStore.FILE_NAME + "-shm", JobStore.LOCK_NAME, MachineKey.FILE_NAME);

    private StoreFileBytes() {
    }

    /** For each database file that exists: the needles found in its raw bytes. */
    static Map<String, List<String>> find(Path store, String... needles) throws IOException {
        byte[][] raw = new byte[needles.length][];
        for (int i = 0; i < needles.length; i++) {
            raw[i] = needles[i].getBytes(StandardCharsets.UTF_8);
        }
        return find(store, List.of(needles), raw);
    }

    static Map<String, List<String>> find(Path store, List<String> names, byte[]... needles) throws IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String name : DB_FILES) {
            Path f = store.resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(f);
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < needles.length; i++) {
                if (indexOf(bytes, needles[i]) >= 0) {
                    hits.add(names.get(i));
                }
            }
            if (!hits.isEmpty()) {
                found.put(name, hits);
            }
        }
        return found;
    }

    /** name → mode ("rw-------") of every store file that exists, and of the folder itself ("."). */
    static Map<String, String> modes(Path store) throws IOException {
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put(".", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        for (String name : ALL_FILES) {
            Path f = store.resolve(name);
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                modes.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return modes;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A 24-byte slice from the middle of a sealed value: unique to it, long enough never to occur by chance. */
    static byte[] slice(byte[] sealed) {
        int from = Math.max(0, sealed.length / 2 - 12);
        return Arrays.copyOfRange(sealed, from, Math.min(sealed.length, from + 24));
    }
}
