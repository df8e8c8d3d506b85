package org.drizzle.engine.transfer.upload;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Owner;

/**
 * Reads an upload-reply job's reply file for GetReplyData, as the job's owner, bounded at
 * {@link #MAX_BYTES}. Only a regular file is read: a FIFO would block the service thread until
 * some writer came, and a device such as /dev/zero never ends. The name is checked without
 * following links, then opened with {@code O_RDONLY|O_NONBLOCK|O_NOFOLLOW} (a FIFO opens
 * without waiting, a link swapped in fails) and the opened file is checked again (fstat, through
 * /proc/self/fd) before one byte is read; at most MAX_BYTES + 1 bytes are ever read.
 * Elsewhere than Linux the name check and the bounded read remain.
 */
public final class ReplyFile {
    /** GetReplyData returns at most 1 MB (BITS' limit). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Loaded before acting as the owner, who may not read the class path (see LinuxImpersonator). */
    private static final Class<?>[] PRELOADED = {Memory.class, NativeLong.class, LastErrorException.class,
            NoSuchFileException.class, AccessDeniedException.class, BitsException.class};

    private ReplyFile() {
    }

    /** The reply bytes; BitsException naming the file and the reason otherwise. */
    public static byte[] read(Impersonator impersonator, Owner owner, String name) {
        Path path = Path.of(name);
        Posix posix = Platform.isLinux() ? Posix.INSTANCE : null; // loaded before acting as the owner
        try {
            return impersonator.runAs(owner, () -> {
                BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                checkRegular(name, before);
                return posix != null ? readOpened(posix, name) : readPortable(path, name);
            });
        } catch (NoSuchFileException e) {
            throw new BitsException(ErrorCodes.BG_E_INVALID_STATE, "The reply file " + name + " does not exist (yet).");
        } catch (AccessDeniedException e) {
            throw new BitsException(ErrorCodes.E_ACCESSDENIED, "The job owner " + owner.name()
                    + " may not read the reply file " + name + ".");
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.E_FAIL, "Cannot read the reply file " + name + ": " + e.getMessage(), e);
        }
    }

    private static void checkRegular(String name, BasicFileAttributes attributes) {
        if (!attributes.isRegularFile()) {
            String kind = attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory() ? "a folder"
                    : "a FIFO, socket or device";
            throw new BitsException(ErrorCodes.E_INVALIDARG, "The reply file " + name + " is " + kind
                    + ", not a regular file; GetReplyData reads only regular files.");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(name, attributes.size());
        }
    }

    private static BitsException tooLarge(String name, long size) {
        return new BitsException(ErrorCodes.BG_E_TOO_LARGE, "The reply file " + name + " holds "
                + (size > MAX_BYTES ? size + " bytes" : "more than " + MAX_BYTES + " bytes")
                + "; GetReplyData returns at most 1 MB.");
    }

    private static byte[] readOpened(Posix posix, String name) throws IOException {
        int fd;
        try {
            fd = posix.open(name, Posix.O_RDONLY | Posix.O_NONBLOCK | Posix.oNoFollow() | Posix.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw Posix.failure(name, e.getErrorCode());
        }
        try {
            // fstat: what was opened, not what the name points at now
            checkRegular(name, Files.readAttributes(Path.of("/proc/self/fd/" + fd), BasicFileAttributes.class));
            try (Memory buf = new Memory(MAX_BYTES + 1)) {
                long total = 0;
                while (total < buf.size()) {
                    long n;
                    try {
                        n = posix.read(fd, buf.share(total), new NativeLong(buf.size() - total)).longValue();
                    } catch (LastErrorException e) {
                        throw Posix.failure(name, e.getErrorCode());
                    }
                    if (n <= 0) {
                        break;
                    }
                    total += n;
                }
                if (total > MAX_BYTES) {
                    throw tooLarge(name, total);
                }
                return buf.getByteArray(0, (int) total);
            }
        } finally {
            posix.close(fd);
        }
    }

    private static byte[] readPortable(Path path, String name) throws IOException {
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(path, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                throw tooLarge(name, data.length);
            }
            return data;
        }
    }

    /** open/read/close from libc, with the flags of this architecture. */
    private interface Posix extends Library {
        Posix INSTANCE = Native.load("c", Posix.class);
        int O_RDONLY = 0;
        int O_NONBLOCK = 04000;
        int O_CLOEXEC = 02000000;

        int open(String path, int flags) throws LastErrorException;

        NativeLong read(int fd, Pointer buf, NativeLong count) throws LastErrorException;

        int close(int fd);

        /** O_NOFOLLOW is 0100000 on ARM and POWER, 0400000 on x86 and the generic ABI. */
        static int oNoFollow() {
            return Platform.isARM() || Platform.isPPC() ? 0100000 : 0400000;
        }

        static IOException failure(String name, int errno) {
            return switch (errno) {
                case 2 -> new NoSuchFileException(name);
                case 1, 13 -> new AccessDeniedException(name);
                case 40 -> new IOException("it became a symbolic link while it was being opened");
                default -> new IOException("error " + errno + " opening or reading it");
            };
        }
    }
}
