package org.drizzle.host.quick;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A command's stdout or stderr on the quick path: bytes are buffered and each flush hands them
 * to the run's {@link FrameWriter} as one STDOUT or STDERR frame. A client that went away makes writes fail, which
 * the run treats as a cancel.
 */
final class FrameOutputStream extends OutputStream {
    private final FrameWriter wire;
    private final byte type;
    private final byte[] buffer = new byte[8192];
    private int used;

    FrameOutputStream(FrameWriter wire, byte type) {
        this.wire = wire;
        this.type = type;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (used == buffer.length) {
            flush();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.length - used) {
            flush();
        }
        if (len > buffer.length) {
            wire.send(type, b, off, len);
            return;
        }
        System.arraycopy(b, off, buffer, used, len);
        used += len;
    }

    @Override
    public synchronized void flush() throws IOException {
        if (used > 0) {
            int n = used;
            used = 0;
            wire.send(type, buffer, 0, n);
        }
    }
}
