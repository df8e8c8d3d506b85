package org.drizzle.engine.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection carrying length-prefixed frames (a 4-byte big-endian length, then that many
 * bytes), used by the service protocol and the quick path alike. JDK classes only, and no lambdas
 * or string concatenation on the quick client's way: it is loaded by a JVM that must start in
 * milliseconds.
 *
 * <p>Reading happens on the caller's thread (one reader). The buffer of a frame grows only as its
 * bytes arrive, in steps of at most {@link #CHUNK}, so an announced length costs nothing until it is
 * sent; a frame over the limit is refused from its header. Deadlines ({@link WireLimits}) are
 * enforced by the {@link Watchdog}, which closes a connection whose first frame or whose partial
 * frame takes too long.
 *
 * <p>Writing happens only on this connection's own writer thread, fed by a bounded queue: a caller
 * that is interrupted (Ctrl+C wakes cmdlets that way) never touches the channel, whose NIO rule
 * would close it for everyone on an interrupted write. {@link #send} keeps the interrupt flag for
 * the caller and waits while the peer reads slowly; {@link #offer} never waits.
 */
public final class FramedConnection implements AutoCloseable {
    /** The most read from or written to the channel at once (bounds NIO's per-thread direct buffers too). */
    static final int CHUNK = 16 * 1024;
    private static final byte[] END = new byte[0];

    private final ByteChannel channel;
    private final WireLimits limits;
    private final BlockingQueue<byte[]> outbound;
    private final ByteBuffer in = ByteBuffer.allocate(CHUNK);
    private final String name;
    private final long openedAt = System.nanoTime();
    private Thread writer;
    private volatile IOException failure;
    private volatile boolean closed;
    private volatile boolean greeted;
    /** System.nanoTime() when the frame being read began, 0 between frames. */
    private volatile long frameStartedAt;
    private final AtomicLong queued = new AtomicLong();
    private volatile long written;

    /**
     * @param name for the writer thread's name
     * @param queueLimit frames waiting for a peer that does not read
     */
    public FramedConnection(ByteChannel channel, WireLimits limits, int queueLimit, String name) {
        this.channel = channel;
        this.limits = limits;
        this.outbound = new ArrayBlockingQueue<byte[]>(queueLimit);
        this.name = name;
        in.flip();
        if (limits.guarded()) {
            Watchdog.watch(this);
        }
    }

    /** The next frame (at most the limit's bytes), or null at a clean end of stream between frames. */
    public byte[] read() throws IOException {
        return read(limits.maxFrameBytes());
    }

    /** As {@link #read()} with a smaller limit (for example for a hello). */
    public byte[] read(int max) throws IOException {
        if (!fill(1)) {
            return null;
        }
        frameStartedAt = System.nanoTime();
        if (!fill(4)) {
            throw new EOFException("The connection ended inside a frame header.");
        }
        int length = in.getInt();
        if (length < 0 || length > max) {
            frameStartedAt = 0;
            throw new FrameTooLargeException(Integer.toUnsignedLong(length), max);
        }
        byte[] frame = new byte[Math.min(length, CHUNK)];
        int have = 0;
        while (have < length) {
            if (!fill(1)) {
                throw new EOFException("The connection ended inside a " + length + "-byte frame.");
            }
            if (have == frame.length) {
                frame = Arrays.copyOf(frame, (int) Math.min(length, 2L * frame.length));
            }
            int n = Math.min(in.remaining(), frame.length - have);
            in.get(frame, have, n);
            have += n;
        }
        frameStartedAt = 0;
        greeted = true;
        return frame;
    }

    /** Reads until {@code n} bytes are buffered; false at end of stream. */
    private boolean fill(int n) throws IOException {
        while (in.remaining() < n) {
            in.compact();
            int r;
            try {
                r = channel.read(in);
            } finally {
                in.flip();
            }
            if (r < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Queues a frame for the writer thread, waiting while the queue is full; an interrupt does
     * not stop the wait (the frame may be a Cancel) and stays set for the caller.
     *
     * @throws IOException once the connection is closed or a write failed
     */
    public void send(byte[] frame) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                check();
                try {
                    if (enqueue(frame, 100)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Queues a frame without waiting; false (nothing queued) when the peer has stopped reading. */
    public boolean offer(byte[] frame) throws IOException {
        check();
        try {
            return enqueue(frame, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean enqueue(byte[] frame, long waitMillis) throws InterruptedException {
        startWriter();
        boolean ok = waitMillis == 0 ? outbound.offer(frame) : outbound.offer(frame, waitMillis, TimeUnit.MILLISECONDS);
        if (ok) {
            queued.incrementAndGet();
        }
        return ok;
    }

    /** The writer starts with the first frame: a peer that never gets an answer costs no second thread. */
    private synchronized void startWriter() {
        if (writer == null) {
            writer = new Thread(new WriteLoop(), name.concat("-out"));
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void check() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw f;
        }
        if (closed) {
            throw new IOException("The connection is closed.");
        }
    }

    /** Waits (at most {@code millis}) until every frame queued so far is written; false if not. */
    public boolean flush(long millis) {
        long target = queued.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean interrupted = false;
        while (written < target && failure == null && !closed && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return written >= target;
    }

    /** Closes the channel and ends the writer; frames not yet written are dropped. Idempotent. */
    @Override
    public void close() {
        closed = true;
        outbound.clear();
        outbound.offer(END);
        Watchdog.forget(this);
        try {
            channel.close();
        } catch (IOException e) {
            // already gone
        }
    }

    public boolean isOpen() {
        return !closed && failure == null && channel.isOpen();
    }

    /** Whether a deadline has passed: no first frame within the hello time, or a frame begun too long ago. */
    boolean overdue(long now) {
        if (!greeted && now - openedAt > limits.helloTimeout().toNanos()) {
            return true;
        }
        long started = frameStartedAt;
        return started != 0 && now - started > limits.frameTimeout().toNanos();
    }

    private final class WriteLoop implements Runnable {
        private final ByteBuffer header = ByteBuffer.allocate(4);

        @Override
        public void run() {
            try {
                while (true) {
                    byte[] frame = outbound.take();
                    if (frame == END) {
                        return;
                    }
                    header.clear();
                    header.putInt(frame.length).flip();
                    writeFully(header);
                    for (int off = 0; off < frame.length; off += CHUNK) {
                        writeFully(ByteBuffer.wrap(frame, off, Math.min(CHUNK, frame.length - off)));
                    }
                    written++;
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("The connection's writer was interrupted.");
            }
        }

        private void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }
    }
}
