package org.drizzle.engine.store.secrets;

import com.sun.jna.platform.unix.LibC;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Linux machine key: 32 random bytes in a file of mode 0600 owned by the engine's account,
 * next to the store. A key file that others could have read (group/other bits, another owner,
 * a symbolic link, a wrong size) is refused, not repaired: whoever read it can decrypt the store,
 * so only an administrator can decide to trust it again.
 */
public final class FileMachineKey implements MachineKey {
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path file;
    private final long processUid;

    public FileMachineKey(Path file) {
        this(file, LibC.INSTANCE.geteuid());
    }

    /** For tests: the uid that must own the key. */
    FileMachineKey(Path file, long processUid) {
        this.file = file;
        this.processUid = processUid;
    }

    public Path file() {
        return file;
    }

    @Override
    public SecretKey load() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            KeyFiles.createAtomically(file, key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        checkPrivate();
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            throw refused("it holds " + key.length + " bytes, not the " + KEY_BYTES + " of a Drizzle store key");
        }
        return new SecretKeySpec(key, "AES");
    }

    private void checkPrivate() throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw refused("it is not a regular file");
        }
        long owner = ((Number) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        if (owner != processUid) {
            throw refused("it is owned by uid " + owner + ", not by uid " + processUid + " that runs this engine");
        }
        if (!OWNER_ONLY.containsAll(a.permissions())) {
            throw refused("its mode is " + PosixFilePermissions.toString(a.permissions())
                    + " but it must be readable by its owner only (rw-------). Anyone who read it can decrypt"
                    + " the store's secrets; if no one could have, run: chmod 600 " + file);
        }
    }

    private IOException refused(String why) {
        return new IOException("The store key file " + file + " is refused: " + why + ".");
    }
}
