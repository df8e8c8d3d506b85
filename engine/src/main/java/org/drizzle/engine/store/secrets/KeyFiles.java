package org.drizzle.engine.store.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;

/** Creating a key file whole or not at all: no reader ever sees a partial key under the final name. */
final class KeyFiles {
    private KeyFiles() {
    }

    /**
     * Writes {@code content} to a new temp file in the key's folder (created with {@code attrs}
     * from its first byte), forces it, and hard-links it to {@code file}; link(2) refuses an
     * existing name, so when two engines race, the first key wins and both use it.
     */
    static void createAtomically(Path file, byte[] content, FileAttribute<?>... attrs) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".tmp", attrs);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // Another engine created the key first: use theirs.
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
