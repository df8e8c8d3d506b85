package org.drizzle.host.quick;

import java.io.IOException;
import java.io.OutputStream;
import org.drizzle.engine.wire.FramedConnection;

/**
 * A command's stdout or stderr on the quick path: every write becomes one STDOUT or STDERR frame
 * on the run's {@link FramedConnection}, written by its own thread (wrap it in a BufferedOutputStream
 * so a flush is one frame). A client that went away makes writes fail, which the run treats as a cancel.
 */
final class FrameOutputStream extends OutputStream {
    private final FramedConnection wire;
    private final byte type;

    FrameOutputStream(FramedConnection wire, byte type) {
        this.wire = wire;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        wire.send(QuickProtocol.frame(type, b, off, len));
    }
}
