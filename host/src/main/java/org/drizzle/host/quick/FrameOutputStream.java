package org.drizzle.host.quick;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A command's stdout or stderr on the quick path: every write becomes one STDOUT or STDERR frame
 * of the run's {@link FrameWriter} (wrap it in a BufferedOutputStream so a flush is one frame).
 * A client that went away makes writes fail, which the run treats as a cancel.
 */
final class FrameOutputStream extends OutputStream {
    private final FrameWriter wire;
    private final byte type;

    FrameOutputStream(FrameWriter wire, byte type) {
        this.wire = wire;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        wire.send(type, b, off, len);
    }
}
