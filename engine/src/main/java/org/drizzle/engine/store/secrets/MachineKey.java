package org.drizzle.engine.store.secrets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.crypto.SecretKey;

/**
 * The machine key that seals a store's secrets (credentials, custom headers, client-certificate
 * passwords): a random 256-bit AES key kept next to the store, in a file only the engine's
 * account can read on Linux ({@link FileMachineKey}), protected by DPAPI on Windows
 * ({@link DpapiMachineKey}). The key is read once at start-up; no descriptor stays open on it.
 */
public interface MachineKey {
    /** The key file's name in the store folder. */
    String FILE_NAME = "jobs.key";

    /** AES-256. */
    int KEY_BYTES = 32;

    /** The key, created (atomically, so two openers agree on one) when the store has none yet. */
    SecretKey load() throws IOException;

    /** The key of the store in {@code folder}, by platform. */
    static MachineKey forStore(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? new DpapiMachineKey(file) : new FileMachineKey(file);
    }
}
