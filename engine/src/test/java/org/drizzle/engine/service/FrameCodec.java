package org.drizzle.engine.service;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The service protocol's frames over plain streams, for tests that play a raw (or hostile)
 * client: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. The service and
 * {@link RemoteEngine} use {@link org.drizzle.engine.wire.FramedConnection}.
 */
public final class FrameCodec {
    /** The service's default request limit (ServiceLimits.DEFAULTS). */
    public static final int MAX_FRAME = 4 * 1024 * 1024;
    /** What RemoteEngine accepts from the service it trusts. */
    public static final int MAX_REPLY = 256 * 1024 * 1024;

    private FrameCodec() {
    }

    /** The next frame's bytes (at most {@link #MAX_FRAME}), or null on a clean end of stream between frames. */
    public static byte[] read(InputStream in) throws IOException {
        return read(in, MAX_FRAME);
    }

    /** As {@link #read(InputStream)} with another size limit. */
    public static byte[] read(InputStream in, int max) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        DataInputStream data = new DataInputStream(in);
        int length;
        try {
            length = (b0 << 24) | (data.readUnsignedByte() << 16) | (data.readUnsignedByte() << 8) | data.readUnsignedByte();
        } catch (EOFException e) {
            throw new EOFException("The connection ended inside a frame header.");
        }
        if (length < 0 || length > max) {
            throw new ProtocolException("Frame of " + Integer.toUnsignedString(length) + " bytes is larger than the "
                    + max + "-byte limit.");
        }
        byte[] frame = new byte[length];
        try {
            data.readFully(frame);
        } catch (EOFException e) {
            throw new EOFException("The connection ended inside a " + length + "-byte frame.");
        }
        return frame;
    }

    public static void write(OutputStream out, byte[] frame) throws IOException {
        if (frame.length > MAX_REPLY) {
            throw new ProtocolException("Frame of " + frame.length + " bytes is larger than the " + MAX_REPLY + "-byte limit.");
        }
        byte[] header = {(byte) (frame.length >>> 24), (byte) (frame.length >>> 16), (byte) (frame.length >>> 8), (byte) frame.length};
        out.write(header);
        out.write(frame);
        out.flush();
    }
}
