package org.drizzle.engine.transfer.upload;

import static org.drizzle.engine.SystemCommand.run;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A throw-away network namespace with only its own loopback, and one thread living in it
 * (entered with setns(2)), for upload tests that need several host addresses on the same
 * port: inside, 127.0.0.1, 127.0.0.2 and 127.0.0.4 are this namespace's own addresses and
 * 127.0.0.3 has an {@code unreachable} route (connecting to it fails with "No route to host",
 * like a farm node that is down). Nothing inside can reach any other network. Code passed to
 * {@link #call} runs on that thread, and every thread it starts (servers, proxies) inherits
 * the namespace. {@link #close} stops the thread and deletes the namespace.
 *
 * <p>Without root (or ip(8)) {@link #open} gives the host's own loopback instead: all of
 * 127.0.0.0/8 is loopback on Linux, so the same addresses work, except that nothing listens
 * on 127.0.0.3, which then refuses connections instead of being unreachable.
 */
final class LoopbackNamespace implements AutoCloseable {
    static final String NODE = "127.0.0.2";
    static final String UNREACHABLE = "127.0.0.3";
    /** A third address, for a node that accepts connections and resets them. */
    static final String RESETTING = "127.0.0.4";
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    /** The libc calls to enter a namespace. */
    interface LibC extends Library {
        int open(String path, int flags);

        int setns(int fd, int nstype);

        int close(int fd);
    }

    /** The namespace's name, or null on the host's loopback. */
    final String name;
    private final ExecutorService inside;
    private boolean created;

    /** Root and the ip tool are needed for a namespace. */
    static boolean available() {
        return "root".equals(System.getProperty("user.name"))
                && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")));
    }

    /** A namespace where one can be made, else the host's loopback (see the class comment). */
    static LoopbackNamespace open() throws IOException, InterruptedException {
        return available() ? new LoopbackNamespace() : new LoopbackNamespace(null);
    }

    /** Whether 127.0.0.3 is unreachable (a namespace) rather than refusing (the host). */
    boolean isolated() {
        return name != null;
    }

    /** The host's own loopback: no namespace, the same single thread. */
    private LoopbackNamespace(Void host) {
        name = null;
        inside = Executors.newSingleThreadExecutor(r -> new Thread(r, "loopback-farm"));
    }

    LoopbackNamespace() throws IOException, InterruptedException {
        name = "dzUp" + Long.toHexString(ProcessHandle.current().pid() & 0xffff) + Integer.toHexString((int) (Math.random() * 4096));
        inside = Executors.newSingleThreadExecutor(r -> new Thread(r, "netns-" + name));
        try {
            run("ip", "netns", "add", name);
            created = true;
            run("ip", "-n", name, "link", "set", "lo", "up");
            run("ip", "-n", name, "route", "add", "unreachable", UNREACHABLE + "/32", "table", "local");
            call(() -> {
                enter();
                return null;
            });
        } catch (Exception e) {
            close();
            throw e instanceof IOException io ? io : new IOException("cannot set up namespace " + name, e);
        }
    }

    /** Runs {@code task} on the thread inside the namespace and returns its result (or rethrows its exception). */
    <T> T call(Callable<T> task) throws Exception {
        try {
            return inside.submit(task).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException("no answer from the thread in namespace " + name + " within 2 minutes", e);
        }
    }

    /** Moves the calling thread into the namespace and checks that it arrived there. */
    private void enter() throws IOException {
        LibC libc = Native.load("c", LibC.class);
        Path handle = Path.of("/run/netns", name);
        int fd = libc.open(handle.toString(), O_RDONLY_CLOEXEC);
        if (fd < 0) {
            throw new IOException("cannot open " + handle + " (errno " + Native.getLastError() + ")");
        }
        try {
            if (libc.setns(fd, CLONE_NEWNET) != 0) {
                throw new IOException("setns(" + handle + ") failed (errno " + Native.getLastError() + ")");
            }
        } finally {
            libc.close(fd);
        }
        String now = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
        Object inode = Files.getAttribute(handle, "unix:ino");
        if (!now.equals("net:[" + inode + "]")) {
            throw new IOException("the thread is in " + now + ", not in namespace " + name + " (inode " + inode + ")");
        }
    }

    @Override
    public void close() {
        inside.shutdownNow();
        try {
            inside.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (created) {
            try {
                run("ip", "netns", "del", name);
            } catch (IOException | InterruptedException e) {
                // Already gone; nothing else to release.
            }
        }
    }
}
