package org.drizzle.engine.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.Owner;

/**
 * Creates the next file's temp file while the current file transfers. On a busy file system,
 * creating a file (allocating its inode) can cost more than fetching 10 KiB over a kept-alive
 * connection, so a job of many small files would otherwise pay it on the transfer thread, file
 * after file. Only a file with no progress is opened ahead, as its owner, under the same rules as
 * {@link OwnerFiles#openToWrite}; the file it creates is the empty temp file the transfer would
 * create a moment later (Cancel deletes it like any other). One per worker run; the worker closes
 * it before the scheduler hears the run ended, so no open is in flight once a job is cancelled.
 */
final class TempAhead implements AutoCloseable {
    /** A daemon thread that ends when idle. */
    private static final ThreadPoolExecutor OPENS = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread t = new Thread(task, "drizzle-temp-ahead");
                t.setDaemon(true);
                return t;
            });

    static {
        OPENS.allowCoreThreadTimeOut(true);
    }

    private final OwnerFiles files;
    private int index = -1;
    private Path temp;
    private CompletableFuture<FileChannel> pending;

    TempAhead(OwnerFiles files) {
        this.files = files;
    }

    /** Starts creating file {@code index}'s temp file {@code temp} as {@code owner} (replacing an unused one). */
    void prepare(Owner owner, int index, Path temp) {
        close();
        this.index = index;
        this.temp = temp;
        CompletableFuture<FileChannel> open = new CompletableFuture<>();
        pending = open;
        OPENS.execute(() -> {
            try {
                open.complete(files.openToWrite(owner, temp, false));
            } catch (IOException | RuntimeException e) {
                open.completeExceptionally(e);
            }
        });
    }

    /**
     * The channel opened ahead for file {@code index} at {@code temp}, or null (none, or its open
     * failed: the caller opens the file itself and meets the failure there, with its own message).
     */
    FileChannel take(int index, Path temp) {
        if (pending == null || index != this.index || !temp.equals(this.temp)) {
            return null;
        }
        CompletableFuture<FileChannel> open = pending;
        pending = null;
        return await(open);
    }

    /** Waits for an open in flight and closes what it opened (the empty file stays for a later run or Cancel). */
    @Override
    public void close() {
        if (pending == null) {
            return;
        }
        FileChannel unused = await(pending);
        pending = null;
        if (unused != null) {
            try {
                unused.close();
            } catch (IOException e) {
                // Nothing was written through it.
            }
        }
    }

    private static FileChannel await(CompletableFuture<FileChannel> open) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return open.get();
                } catch (InterruptedException e) {
                    // The open is short and must be accounted for: wait it out, then restore the flag.
                    interrupted = true;
                } catch (ExecutionException e) {
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
