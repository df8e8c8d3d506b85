package org.drizzle.engine.notify;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time per owner and owners side by side, so one user's slow notify
 * program never delays another user's. Each owner with work has its own queue, drained by one
 * pooled thread that exits when the queue is empty; an owner never has two programs running at
 * once, so the threads in use are bounded by the number of owners with waiting work (and each
 * owner's queue by its jobs: a job has at most one attempt waiting).
 */
final class OwnerQueues implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerQueues.class);

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "drizzle-notify");
        t.setDaemon(true);
        return t;
    });
    /** Owners with work, by uid; an owner is present exactly while a thread drains its queue. */
    private final Map<Long, ArrayDeque<Runnable>> queues = new HashMap<>();

    /** Queues {@code task} behind the owner's earlier ones. */
    void submit(long ownerUid, Runnable task) {
        synchronized (queues) {
            ArrayDeque<Runnable> queue = queues.get(ownerUid);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queue = new ArrayDeque<>();
            queue.add(task);
            queues.put(ownerUid, queue);
        }
        threads.execute(() -> drain(ownerUid));
    }

    private void drain(long ownerUid) {
        while (true) {
            Runnable next;
            synchronized (queues) {
                next = queues.get(ownerUid).poll();
                if (next == null) {
                    queues.remove(ownerUid);
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("Notify task for uid {} failed: {}", ownerUid, LogText.of(e));
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
