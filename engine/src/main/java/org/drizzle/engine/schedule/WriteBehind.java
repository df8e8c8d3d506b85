package org.drizzle.engine.schedule;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Forces a download's temp file on another thread while the transfer goes on writing: at a
 * checkpoint the bytes so far start their way to disk, and the next checkpoint records them
 * once that force has returned. The disk's write-back then overlaps the network instead of
 * stopping it, and the force before Transferred finds little left to write. Progress is still
 * recorded only for bytes a force has returned for (BITS' promise: recorded bytes survive a crash).
 */
final class WriteBehind {
    /** Daemon threads, one per force in flight (at most one per transferring file). */
    private static final Executor FORCES = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "drizzle-force");
        t.setDaemon(true);
        return t;
    });

    private CompletableFuture<Long> pending;

    /** Starts forcing {@code channel}, whose first {@code upTo} bytes are written; one at a time. */
    void start(FileChannel channel, long upTo) {
        if (pending != null) {
            throw new IllegalStateException("a force is already in flight");
        }
        pending = CompletableFuture.supplyAsync(() -> {
            try {
                // An open descriptor needs no identity: the owner's rights were checked when it was opened.
                channel.force(false);
                return upTo;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, FORCES);
    }

    /** The offset the last force made durable, once it has returned (-1 when none was in flight). */
    long await() throws IOException {
        CompletableFuture<Long> f = pending;
        if (f == null) {
            return -1;
        }
        pending = null;
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the temp file was being forced");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException(e.getCause());
        }
    }

    /** True when the force started last has returned (or none is in flight). */
    boolean idle() {
        return pending == null || pending.isDone();
    }

    /** Waits for a force in flight and forgets its result (the file is being reset or closed). */
    void drain() {
        try {
            await();
        } catch (IOException e) {
            // The bytes it covered are not recorded; a resume fetches them again.
        }
    }
}
