package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * A request body stream over a plain (not TLS) socket that can also send a region of a file
 * without passing it through the Java heap: to a remote peer straight from the page cache
 * ({@code FileChannel.transferTo}, i.e. sendfile(2)); to a loopback peer through one direct
 * buffer (read, then write: the two copies curl makes). On loopback sendfile only moves the
 * copy to the receiver, which then reads the source's cold page-cache pages instead of a
 * freshly written socket buffer: the 1 GiB benchmark measured the server 20–30% busier and
 * the upload about 10% slower with sendfile there. Ordinary writes go through HttpCore's
 * content stream as usual.
 */
final class FileRegionStream extends OutputStream {
    private final OutputStream content;
    private final SocketChannel socket;
    /** The staging buffer for a loopback peer, or null to use sendfile. */
    private final ByteBuffer staging;

    FileRegionStream(OutputStream content, SocketChannel socket, ByteBuffer staging) {
        this.content = content;
        this.socket = socket;
        this.staging = staging;
    }

    /**
     * Sends up to {@code count} bytes of {@code file} from {@code position}; returns how many
     * went out (fewer only when the file ends before). The request head HttpCore buffered goes
     * first.
     */
    long transferFrom(FileChannel file, long position, long count) throws IOException {
        content.flush();
        long sent = 0;
        while (sent < count) {
            long n = staging == null ? file.transferTo(position + sent, count - sent, socket)
                    : stage(file, position + sent, count - sent);
            if (n <= 0) {
                // Both block until the socket takes bytes, so 0 means end of file.
                break;
            }
            sent += n;
        }
        return sent;
    }

    /** One read into the direct buffer and its write to the socket. */
    private long stage(FileChannel file, long position, long count) throws IOException {
        staging.clear().limit((int) Math.min(staging.capacity(), count));
        int n = file.read(staging, position);
        if (n <= 0) {
            return 0;
        }
        staging.flip();
        while (staging.hasRemaining()) {
            socket.write(staging);
        }
        return n;
    }

    @Override
    public void write(int b) throws IOException {
        content.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        content.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        content.flush();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
