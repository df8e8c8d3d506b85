package org.drizzle.engine.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One engine per store: an exclusive lock on {@code engine.lock} in the store folder, held by
 * the service or the embedded engine for as long as it runs. Two engines scheduling the same
 * jobs would transfer them twice; the second one is refused with the holder's pid instead.
 */
public final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws an IOException naming the process that holds it. */
    public static StoreLock acquire(Path storeDir) throws IOException {
        Files.createDirectories(storeDir);
        Path file = storeDir.resolve("engine.lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            ch.close();
            throw new IOException("The job store " + storeDir + " is in use by another Drizzle engine"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ".");
        }
        ch.truncate(0);
        ch.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        return new StoreLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
