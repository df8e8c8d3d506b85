package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code FileInfo.Open(mode, access, share)} returns: an open file, held with an exclusive
 * lock when the share mode is None (so another process holding the file makes Open throw, as
 * scripts that test "is this file still being written" expect). Close/Dispose release it.
 */
public final class FileStream implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path path;

    private FileStream(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens {@code path} with .NET's FileMode / FileAccess / FileShare names. */
    static FileStream open(Path path, String mode, String access, String share) {
        Set<StandardOpenOption> options = EnumSet.noneOf(StandardOpenOption.class);
        String a = access.toLowerCase(Locale.ROOT);
        if (a.contains("read")) {
            options.add(StandardOpenOption.READ);
        }
        if (a.contains("write")) {
            options.add(StandardOpenOption.WRITE);
        }
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "createnew" -> options.add(StandardOpenOption.CREATE_NEW);
            case "create" -> options.addAll(Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
            case "openorcreate" -> options.add(StandardOpenOption.CREATE);
            case "truncate" -> options.add(StandardOpenOption.TRUNCATE_EXISTING);
            case "append" -> options.addAll(Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            case "open" -> { }
            default -> throw new IllegalArgumentException("Cannot convert value \"" + mode + "\" to type \"System.IO.FileMode\".");
        }
        try {
            FileChannel ch = FileChannel.open(path, options);
            FileLock lock = null;
            if (share.equalsIgnoreCase("None")) {
                try {
                    lock = ch.tryLock(0, Long.MAX_VALUE, !options.contains(StandardOpenOption.WRITE));
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    ch.close();
                    throw new IOException("The process cannot access the file '" + path
                            + "' because it is being used by another process.");
                }
            }
            return new FileStream(path, ch, lock);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("Could not find file '" + path + "'.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The open channel, for {@link FileStreams}; not a script-visible member. */
    FileChannel channel() {
        return channel;
    }

    public long getLength() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public String getName() {
        return path.toString();
    }

    public void Close() {
        close();
    }

    public void Dispose() {
        close();
    }

    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "System.IO.FileStream";
    }
}
