package org.drizzle.host.quick;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends a quick-path run's frames from one writer thread of its own. The command's thread must
 * never touch the socket itself: Ctrl+C interrupts that thread (to wake a waiting cmdlet), and an
 * interrupt during a write would close the channel (NIO's InterruptibleChannel rule), losing the
 * rest of the output and the exit code. Handing a frame over does not react to interrupts either;
 * it waits while the client reads slowly (the queue is bounded) and fails once the client is gone.
 */
final class FrameWriter {
    private record Frame(byte type, byte[] payload) {
    }

    private static final Frame END = new Frame((byte) 0, new byte[0]);

    private final DataOutputStream wire;
    private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(256);
    private final Thread thread;
    private volatile IOException failure;

    FrameWriter(DataOutputStream wire) {
        this.wire = wire;
        this.thread = new Thread(this::writeLoop, "drizzle-quick-out");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a frame (copying the bytes); fails when the client has gone away. */
    void send(byte type, byte[] bytes, int off, int len) throws IOException {
        hand(new Frame(type, Arrays.copyOfRange(bytes, off, off + len)));
    }

    /** Sends what is queued, then stops the writer; waits at most {@code millis}. */
    void finish(long millis) throws IOException {
        hand(END);
        boolean interrupted = false;
        long deadline = System.currentTimeMillis() + millis;
        while (thread.isAlive() && System.currentTimeMillis() < deadline) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void hand(Frame f) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                try {
                    if (queue.offer(f, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // kept for the command (a stop request), not for us
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Frame f = queue.take();
                if (f == END) {
                    return;
                }
                QuickProtocol.writeFrame(wire, f.type(), f.payload(), 0, f.payload().length);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new IOException("the quick-path writer was interrupted");
        }
    }
}
