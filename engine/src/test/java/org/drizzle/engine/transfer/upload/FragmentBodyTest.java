package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fragment's body on its three paths: copied through a heap buffer (TLS connections),
 * staged through one direct buffer (plain connections to loopback) and sent with sendfile
 * (plain connections to other hosts). The last two must put the buffered request head first
 * and the exact file region after it.
 */
class FragmentBodyTest {
    @TempDir
    Path tmp;
    byte[] data;
    Path file;
    SavedStateSession session;

    @BeforeEach
    void source() throws Exception {
        data = new byte[1_000_000];
        new Random(3).nextBytes(data);
        file = Files.write(tmp.resolve("src.bin"), data);
        session = new SavedStateSession(tmp.resolve("state"), URI.create("http://127.0.0.1:1/x"), file);
    }

    @Test
    void theCopyPathWritesExactlyTheRegionAndMetersIt() throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new FragmentBody(ch, 12_345, 600_000, session).writeTo(out);
            assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(data, 12_345, 612_345));
            assertThat(session.metered.get()).isEqualTo(600_000);
        }
    }

    @Test
    void aPlainLoopbackConnectionGivesTheBodyARegionStreamThatSendsTheHeadThenTheRegion() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<byte[]> received = receiveAll(listener);
            Socket socket = UploadSockets.foreground().create(null);
            socket.connect(listener.getLocalAddress());
            SendfileConnection conn = (SendfileConnection) SendfileConnection.FACTORY.createConnection(socket);
            SessionOutputBufferImpl buffer = new SessionOutputBufferImpl(8192);
            byte[] head = "BITS_POST /x HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            buffer.write(head, 0, head.length, socket.getOutputStream());
            OutputStream body = conn.createContentOutputStream(500_000, buffer, socket.getOutputStream(), () -> List.of());
            assertThat(body).isInstanceOf(FileRegionStream.class);
            new FragmentBody(ch, 400_000, 500_000, session).writeTo(body);
            body.close();
            conn.close();

            byte[] expected = new byte[head.length + 500_000];
            System.arraycopy(head, 0, expected, 0, head.length);
            System.arraycopy(data, 400_000, expected, head.length, 500_000);
            assertThat(received.get()).isEqualTo(expected);
            assertThat(session.metered.get()).isEqualTo(500_000);
        }
    }

    @Test
    void theSendfilePathSendsTheHeadThenExactlyTheRegion() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<byte[]> received = receiveAll(listener);
            byte[] head = "HEAD-BYTES".getBytes(StandardCharsets.US_ASCII);
            try (SocketChannel client = SocketChannel.open(listener.getLocalAddress())) {
                ByteArrayOutputStream pending = new ByteArrayOutputStream();
                pending.write(head);
                // A content stream whose flush sends what HttpCore would have buffered (the head).
                OutputStream content = new OutputStream() {
                    @Override
                    public void write(int b) {
                        pending.write(b);
                    }

                    @Override
                    public void flush() throws java.io.IOException {
                        client.socket().getOutputStream().write(pending.toByteArray());
                        pending.reset();
                    }
                };
                new FragmentBody(ch, 7, 999_000, session).writeTo(new FileRegionStream(content, client, null));
            }
            byte[] expected = new byte[head.length + 999_000];
            System.arraycopy(head, 0, expected, 0, head.length);
            System.arraycopy(data, 7, expected, head.length, 999_000);
            assertThat(received.get()).isEqualTo(expected);
        }
    }

    @Test
    void aSourceShorterThanTheFragmentFailsOnEveryPath() throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             ServerSocketChannel listener = ServerSocketChannel.open()) {
            assertThatThrownBy(() -> new FragmentBody(ch, 900_000, 200_000, session).writeTo(new ByteArrayOutputStream()))
                    .isInstanceOf(FragmentBody.SourceShrunk.class).hasMessageContaining("1000000");
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(listener.getLocalAddress()); SocketChannel peer = listener.accept()) {
                for (ByteBuffer staging : new ByteBuffer[] {null, ByteBuffer.allocateDirect(FragmentBody.CHUNK)}) {
                    FileRegionStream region = new FileRegionStream(client.socket().getOutputStream(), client, staging);
                    assertThatThrownBy(() -> new FragmentBody(ch, 900_000, 200_000, session).writeTo(region))
                            .isInstanceOf(FragmentBody.SourceShrunk.class).hasMessageContaining("1000000");
                }
            }
        }
    }

    @Test
    void aStopRequestAbortsTheFragment() throws Exception {
        session.stopAfterSent = sent -> sent > 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> new FragmentBody(ch, 0, 1_000_000, session).writeTo(out))
                    .isInstanceOf(FragmentBody.Stopped.class);
            assertThat(out.size()).as("stopped after the first chunk").isEqualTo(FragmentBody.CHUNK);
        }
    }

    /** Everything one client sends to {@code listener}, read on another thread. */
    private static CompletableFuture<byte[]> receiveAll(ServerSocketChannel listener) {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel peer = listener.accept(); InputStream in = peer.socket().getInputStream()) {
                return in.readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
