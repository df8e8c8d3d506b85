package org.drizzle.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SocketChannel;
import java.nio.channels.ServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one framed connection: interrupt-safe writes, frames grown as bytes arrive, deadlines. */
class FramedConnectionTest {

    /** A connected pair of loopback sockets. */
    private static SocketChannel[] pair() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel a = SocketChannel.open(server.getLocalAddress());
            return new SocketChannel[] {a, server.accept()};
        }
    }

    @Test
    void anInterruptedSenderNeitherClosesTheConnectionNorLosesItsFlag() throws Exception {
        SocketChannel[] p = pair();
        try (FramedConnection a = new FramedConnection(p[0], WireLimits.trusting(1024), 8, "a");
             FramedConnection b = new FramedConnection(p[1], WireLimits.trusting(1024), 8, "b")) {
            Thread.currentThread().interrupt();
            a.send("cancel".getBytes());
            assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
            a.send("after".getBytes());
            assertThat(new String(b.read())).isEqualTo("cancel");
            assertThat(new String(b.read())).isEqualTo("after");
            assertThat(a.isOpen()).isTrue();
            assertThat(p[0].isOpen()).isTrue();
        }
    }

    @Test
    void aFrameOverTheLimitIsRefusedFromItsHeaderAndFramesRoundTrip() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.sink().write(ByteBuffer.allocate(12).putInt(3).put("abc".getBytes()).putInt(2000).flip());
        try (FramedConnection c = new FramedConnection(new PipeChannel(pipe), WireLimits.trusting(1024), 8, "p")) {
            assertThat(new String(c.read())).isEqualTo("abc");
            assertThatThrownBy(c::read).isInstanceOf(FrameTooLargeException.class).hasMessageContaining("2000");
        }
    }

    @Test
    void aLargeFrameArrivesWholeThroughTheGrowingBuffer() throws Exception {
        SocketChannel[] p = pair();
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        try (FramedConnection a = new FramedConnection(p[0], WireLimits.trusting(1024), 8, "a");
             FramedConnection b = new FramedConnection(p[1], WireLimits.trusting(4 << 20), 8, "b")) {
            a.send(big);
            assertThat(b.read()).isEqualTo(big);
        }
    }

    @Test
    void aPeerThatStopsInsideAFrameOrNeverSaysHelloIsClosedAtItsDeadline() throws Exception {
        WireLimits guarded = new WireLimits(4 << 20, Duration.ofMillis(600), Duration.ofMillis(300));
        SocketChannel[] p = pair();
        try (FramedConnection served = new FramedConnection(p[1], guarded, 8, "s")) {
            // announces 4 MiB, sends 10 bytes, then nothing
            p[0].write(ByteBuffer.allocate(14).putInt(4 << 20).put(new byte[10]).flip());
            long t0 = System.nanoTime();
            assertThatThrownBy(served::read).isInstanceOf(java.io.IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            assertThat(served.isOpen()).isFalse();
        }
        p[0].close();
        SocketChannel[] q = pair();
        try (FramedConnection silent = new FramedConnection(q[1], guarded, 8, "s")) {
            q[0].write(ByteBuffer.wrap(new byte[] {0, 0}));
            assertThatThrownBy(silent::read).isInstanceOf(java.io.IOException.class);
            assertThat(silent.isOpen()).isFalse();
        }
        q[0].close();
    }

    /** A pipe's two ends as one ByteChannel. */
    private record PipeChannel(Pipe pipe) implements java.nio.channels.ByteChannel {
        @Override
        public int read(ByteBuffer dst) throws java.io.IOException {
            return pipe.source().read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws java.io.IOException {
            return pipe.sink().write(src);
        }

        @Override
        public boolean isOpen() {
            return pipe.source().isOpen();
        }

        @Override
        public void close() throws java.io.IOException {
            pipe.source().close();
            pipe.sink().close();
        }
    }
}
