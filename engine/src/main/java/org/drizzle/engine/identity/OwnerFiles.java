package org.drizzle.engine.identity;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.drizzle.engine.job.Owner;

/**
 * Opens the files a job names, always with the job owner's identity: the one place the engine
 * opens a download source, an upload source, a temp file, a client certificate or a reply file.
 *
 * <p>Reading: only a regular file the owner could open by name. On Linux symbolic links are
 * resolved here, as text and with the owner's identity, never jumped by the kernel, so a /proc
 * "magic" link (/proc/self/fd/N, /proc/PID/cwd) can only stand for the path it names, which the
 * owner must then be able to open herself; nothing under /proc or /dev is opened at all (the
 * service's descriptors, memory, environment, its stdin and terminals) and no file on a procfs
 * mounted elsewhere. The resolved name is opened non-blocking (a FIFO cannot hang a worker) and
 * the kernel's name for what was opened must be that name, so a folder swapped for a link in
 * between is caught. FIFOs, sockets and devices are refused.
 *
 * <p>Writing (temp and reply files): created or opened as the owner with the owner's umask,
 * never through a symbolic link as last component, never a non-regular file, never under /proc
 * or /dev nor on a procfs.
 *
 * <p>Every refusal is an {@link AccessDeniedException} whose reason says why in plain words;
 * every other failure is what the owner's own open would have reported.
 */
public final class OwnerFiles {
    private static final boolean LINUX = Platform.isLinux();
    private static final long PROC_SUPER_MAGIC = 0x9fa0;
    private static final int MAX_LINKS = 40;
    private static final List<Path> REFUSED = List.of(Path.of("/proc"), Path.of("/dev"));
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_NOCTTY = 0400;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    /** O_NOFOLLOW differs by architecture (arm64 has its own fcntl.h). */
    private static final int O_NOFOLLOW = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)
            .matches("aarch64|arm64") ? 0100000 : 0400000;

    static {
        if (LINUX) {
            // Load what runAs will need now: lazy class loading with the owner's rights could fail.
            LinuxLibc.INSTANCE.close(LinuxLibc.INSTANCE.open("/", O_RDONLY | O_CLOEXEC, 0));
            LinuxLibc.INSTANCE.fstatfs(-1, new byte[256]);
            Native.getLastError();
            Arrays.asList(errno(Path.of("/"), 0), new NoSuchFileException("preload"), new AccessDeniedException("preload"),
                    new ArrayDeque<Path>(), ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()));
        }
    }

    private final Impersonator impersonator;

    public OwnerFiles(Impersonator impersonator) {
        this.impersonator = impersonator;
    }

    /** Opens {@code path} for reading as {@code owner} under the rules above. */
    public FileChannel openToRead(Owner owner, Path path) throws IOException {
        return impersonator.runAs(owner, () -> {
            if (!LINUX) {
                requireRegular(path, Files.readAttributes(path, BasicFileAttributes.class));
                return FileChannel.open(path, StandardOpenOption.READ);
            }
            Path resolved = resolve(path, path);
            return verified(path, resolved, open(path, resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0),
                    Set.of(StandardOpenOption.READ));
        });
    }

    /** The attributes of what {@link #openToRead} would open (same refusals), read as {@code owner}. */
    public BasicFileAttributes attributes(Owner owner, Path path) throws IOException {
        return impersonator.runAs(owner, () -> Files.readAttributes(LINUX ? resolve(path, path) : path,
                BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    /** The whole of a small file (a client certificate), read under the rules of {@link #openToRead}. */
    public byte[] readAll(Owner owner, Path path, int max) throws IOException {
        try (FileChannel in = openToRead(owner, path)) {
            long size = in.size();
            if (size > max) {
                throw new AccessDeniedException(path.toString(), null, "is larger than " + max + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // keep reading
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /**
     * Opens, creating it if needed, a file the engine writes for a job (temp file, reply file)
     * as {@code owner}; {@code truncate} empties it.
     */
    public FileChannel openToWrite(Owner owner, Path path, boolean truncate) throws IOException {
        FileChannel channel = impersonator.runAs(owner, () -> {
            if (!LINUX) {
                return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            }
            Path parent = path.getParent();
            Path resolved = parent == null ? path : resolve(path, parent).resolve(path.getFileName().toString());
            refuseDevices(path, resolved);
            int fd = open(path, resolved, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
            return verified(path, resolved, fd, Set.of(StandardOpenOption.WRITE));
        });
        if (truncate) {
            try {
                impersonator.runAs(owner, () -> channel.truncate(0));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        return channel;
    }

    /**
     * Resolves every symbolic link of {@code path} by reading it (never by following it), as the
     * caller's identity, refusing any step under /proc or /dev. Stops at the first name it cannot
     * look at: the open that follows reports that as the owner would see it.
     */
    private static Path resolve(Path given, Path path) throws IOException {
        Path at = path.getRoot();
        if (at == null) {
            throw new NoSuchFileException(given.toString(), null, "is not an absolute path");
        }
        Deque<Path> names = new ArrayDeque<>();
        path.forEach(names::add);
        int links = 0;
        while (!names.isEmpty()) {
            String name = names.removeFirst().toString();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                at = at.getParent() == null ? at : at.getParent();
                continue;
            }
            Path next = at.resolve(name);
            refuseDevices(given, next);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                at = next;
                for (Path rest : names) {
                    at = at.resolve(rest.toString());
                }
                return at;
            }
            if (!a.isSymbolicLink()) {
                at = next;
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new AccessDeniedException(given.toString(), null, "has too many levels of symbolic links");
            }
            Path target = Files.readSymbolicLink(next);
            List<Path> parts = new ArrayList<>();
            target.forEach(parts::add);
            for (int i = parts.size() - 1; i >= 0; i--) {
                names.addFirst(parts.get(i));
            }
            if (target.isAbsolute()) {
                at = target.getRoot();
            }
        }
        return at;
    }

    private static void refuseDevices(Path given, Path step) throws AccessDeniedException {
        for (Path refused : REFUSED) {
            if (step.startsWith(refused)) {
                throw new AccessDeniedException(given.toString(), null,
                        "leads into " + refused + ", which no job may read or write");
            }
        }
    }

    private static int open(Path given, Path resolved, int flags, int mode) throws IOException {
        int fd = LinuxLibc.INSTANCE.open(resolved.toString(), flags, mode);
        if (fd < 0) {
            throw errno(given, Native.getLastError());
        }
        return fd;
    }

    /**
     * Checks what {@code fd} is (not on procfs, a regular file, the file the resolved name names)
     * and reopens it as a channel through this process's own descriptor link; closes {@code fd}.
     */
    private static FileChannel verified(Path given, Path resolved, int fd, Set<OpenOption> options) throws IOException {
        try {
            byte[] statfs = new byte[256];
            if (LinuxLibc.INSTANCE.fstatfs(fd, statfs) != 0) {
                throw errno(given, Native.getLastError());
            }
            if (ByteBuffer.wrap(statfs).order(ByteOrder.nativeOrder()).getLong(0) == PROC_SUPER_MAGIC) {
                throw new AccessDeniedException(given.toString(), null, "is on a proc file system, which no job may use");
            }
            Path self = Path.of("/proc/self/fd/" + fd);
            requireRegular(given, Files.readAttributes(self, BasicFileAttributes.class));
            if (!Files.readSymbolicLink(self).equals(resolved)) {
                throw new AccessDeniedException(given.toString(), null, "changed while it was being opened");
            }
            return FileChannel.open(self, options);
        } finally {
            LinuxLibc.INSTANCE.close(fd);
        }
    }

    private static void requireRegular(Path given, BasicFileAttributes a) throws AccessDeniedException {
        if (!a.isRegularFile()) {
            throw new AccessDeniedException(given.toString(), null,
                    a.isDirectory() ? "is a folder, not a file" : "is not a regular file");
        }
    }

    /** The exception the owner's own open would have seen, in plain words. */
    private static IOException errno(Path given, int errno) {
        String name = given.toString();
        return switch (errno) {
            case 2, 20 -> new NoSuchFileException(name);
            case 1, 13 -> new AccessDeniedException(name);
            case 6, 21, 40 -> new AccessDeniedException(name, null, "is not a regular file");
            default -> new FileSystemException(name, null, "cannot be opened (error " + errno + ")");
        };
    }
}
