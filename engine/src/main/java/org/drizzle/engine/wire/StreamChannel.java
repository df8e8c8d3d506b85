package org.drizzle.engine.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A byte channel over a pair of blocking streams (a Windows named pipe's ReadFile/WriteFile),
 * so a {@link FramedConnection} can run on them. Reads and writes take separate locks.
 */
public final class StreamChannel implements ByteChannel {
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final Closeable underlying;
    private volatile boolean open = true;

    public StreamChannel(InputStream in, OutputStream out, Closeable underlying) {
        this.in = Channels.newChannel(in);
        this.out = Channels.newChannel(out);
        this.underlying = underlying;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return in.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return out.write(src);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        open = false;
        underlying.close();
    }
}
