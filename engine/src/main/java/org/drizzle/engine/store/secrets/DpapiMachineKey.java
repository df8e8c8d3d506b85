package org.drizzle.engine.store.secrets;

import com.sun.jna.platform.win32.Crypt32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Windows machine key: 32 random bytes protected with DPAPI in machine scope
 * (CryptProtectData with CRYPTPROTECT_LOCAL_MACHINE), so the file next to the store is useless
 * on another machine or copied into a backup; the store folder's ACL keeps other accounts from
 * reading it. The entropy ties the blob to this use.
 */
public final class DpapiMachineKey implements MachineKey {
    private static final byte[] ENTROPY = "Drizzle job store key".getBytes(StandardCharsets.US_ASCII);
    private static final int FLAGS = WinCrypt.CRYPTPROTECT_LOCAL_MACHINE | WinCrypt.CRYPTPROTECT_UI_FORBIDDEN;

    private final Path file;

    public DpapiMachineKey(Path file) {
        this.file = file;
    }

    @Override
    public SecretKey load() throws IOException {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                byte[] blob = Crypt32Util.cryptProtectData(key, ENTROPY, FLAGS, "Drizzle job store key", null);
                Arrays.fill(key, (byte) 0);
                KeyFiles.createAtomically(file, blob);
            }
            byte[] key = Crypt32Util.cryptUnprotectData(Files.readAllBytes(file), ENTROPY, FLAGS, null);
            if (key.length != KEY_BYTES) {
                throw new IOException("The store key file " + file + " is refused: it protects " + key.length
                        + " bytes, not the " + KEY_BYTES + " of a Drizzle store key.");
            }
            return new SecretKeySpec(key, "AES");
        } catch (Win32Exception e) {
            throw new IOException("The store key file " + file + " cannot be used: DPAPI says: " + e.getMessage(), e);
        }
    }
}
