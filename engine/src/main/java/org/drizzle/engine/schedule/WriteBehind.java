package org.drizzle.engine.schedule;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forces a download's temp file on another thread while the transfer goes on: at a checkpoint
 * the bytes so far start their way to disk and the next checkpoint records them once that force
 * has returned, so the disk's write-back overlaps the network instead of stopping it. A finished
 * file's force is only prepared: the group commit ({@link ProgressBatch}) begins the forces of
 * all the files it records at once, which the file system writes in one journal commit instead
 * of one per file. Progress is recorded only for bytes a force has returned for (BITS' promise:
 * recorded bytes survive a crash).
 */
final class WriteBehind {
    /** Daemon threads that end when idle; several files' forces run at once. */
    private static final ThreadPoolExecutor FORCES = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "drizzle-force");
                t.setDaemon(true);
                return t;
            });

    static {
        FORCES.allowCoreThreadTimeOut(true);
    }

    /**
     * One force of a temp file; completes with the offset it covers once it has returned. It
     * runs once {@link #begin} is called, or when anything waits for it with get or join.
     */
    static final class Force extends CompletableFuture<Long> {
        private final FileChannel channel;
        private final long upTo;
        private final AtomicBoolean begun = new AtomicBoolean();

        Force(FileChannel channel, long upTo) {
            this.channel = channel;
            this.upTo = upTo;
        }

        void begin() {
            if (begun.compareAndSet(false, true)) {
                FORCES.execute(() -> {
                    try {
                        // An open descriptor needs no identity: the owner's rights were checked when it was opened.
                        channel.force(false);
                        complete(upTo);
                    } catch (IOException | RuntimeException e) {
                        completeExceptionally(e);
                    }
                });
            }
        }

        @Override
        public Long get() throws InterruptedException, ExecutionException {
            begin();
            return super.get();
        }

        @Override
        public Long join() {
            begin();
            return super.join();
        }
    }

    private Force pending;

    /** Starts forcing {@code channel}, whose first {@code upTo} bytes are written; one at a time. */
    Force start(FileChannel channel, long upTo) {
        Force f = prepare(channel, upTo);
        f.begin();
        return f;
    }

    /** As {@link #start}, but the force begins when the group commit (or a wait) asks for it. */
    Force prepare(FileChannel channel, long upTo) {
        if (pending != null) {
            throw new IllegalStateException("a force is already in flight");
        }
        pending = new Force(channel, upTo);
        return pending;
    }

    /** The offset the last force made durable, once it has returned (-1 when there was none). */
    long await() throws IOException {
        Force f = pending;
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
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The last force (begun or prepared; it may have returned and not been awaited), or null. */
    Force inFlight() {
        return pending;
    }

    /** True when no force is pending or the last one has returned. */
    boolean idle() {
        return pending == null || pending.isDone();
    }

    /**
     * Closes {@code channel} once the last force has returned (at once if there is none),
     * without waiting here: the worker goes on to the next file while this one reaches the disk.
     */
    void closeAfter(FileChannel channel) {
        Force f = pending;
        pending = null;
        if (f == null) {
            closeQuietly(channel);
        } else {
            f.whenComplete((done, failure) -> closeQuietly(channel));
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to lose: what was recorded was forced, and the rest is not claimed.
        }
    }

    /** Waits for the last force and forgets its result (the file is being reset). */
    void drain() {
        try {
            await();
        } catch (IOException e) {
            // The bytes it covered are not recorded; a resume fetches them again.
        }
    }
}
