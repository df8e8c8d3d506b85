package org.drizzle.host.quick;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The quick path's wire format, shared by {@link QuickClient} (JDK classes and the engine's
 * JDK-only {@code org.drizzle.engine.wire}, so the client JVM starts in milliseconds) and the
 * service's {@link QuickServer}. Both ends talk through one
 * {@link org.drizzle.engine.wire.FramedConnection}, as the service protocol does: each frame is a
 * 4-byte big-endian length and that many bytes; here the first byte of a frame is its type.
 *
 * <p>The service listens on 127.0.0.1 and publishes {@code <port> <token> <service-token>} in its
 * port file ({@link #portFileFor}, mode 0600 in the user's private folder; each token
 * {@link #TOKEN_LENGTH} hex characters, new at every service start). The client uses a port file
 * only when it and its folder are the caller's own and private ({@link PortFile}). On connect the
 * service, once the kernel's socket table says the client runs as its own uid, sends one frame:
 * its protocol {@link #VERSION} byte and the service token; a client that reads another version or
 * another service token (a stale port now used by some other program) hangs up having sent nothing
 * and exits {@link #FALLBACK_EXIT}. Then the client sends an {@link #AUTH} frame with the token
 * (anything else first, or a wrong token, and the service hangs up), then one {@link #REQUEST}
 * (a {@link QuickRequest}) and later at most a few {@link #CANCEL}s (Ctrl+C); the service answers
 * {@link #STDOUT}/{@link #STDERR} chunks and one {@link #EXIT} (int code), usually after a
 * {@link #STARTED}; or a lone {@link #FALLBACK} when the full host must run the command instead.
 * Any first frame but FALLBACK means the command started.
 */
public final class QuickProtocol {
    public static final int VERSION = 3;
    /** The client's exit code meaning "nothing ran; start the full host" (bin/drizzle does). */
    public static final int FALLBACK_EXIT = 254;
    /** Hex characters in each token of the port file. */
    static final int TOKEN_LENGTH = 32;
    /** The first client frame: the token from the port file, as ASCII hex. */
    static final byte AUTH = 'A';
    static final byte REQUEST = 'R';
    static final byte CANCEL = 'C';
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte EXIT = 'X';
    static final byte FALLBACK = 'F';
    /** Sent as a command starts: from then on a lost connection must not make the client fall back (it would run twice). */
    static final byte STARTED = 'S';
    /** Larger frames are refused: a request is arguments and an environment, not data. */
    static final int MAX_FRAME = 16 << 20;

    private QuickProtocol() {
    }

    /** The port file next to a per-user service socket: {@code drizzle.sock} → {@code drizzle-quick.port}. */
    public static Path portFileFor(Path serviceSocket) {
        String name = serviceSocket.getFileName().toString();
        String base = name.endsWith(".sock") ? name.substring(0, name.length() - 5) : name;
        return serviceSocket.resolveSibling(base + "-quick.port");
    }

    /** A frame of {@code type} carrying {@code len} bytes of {@code payload} from {@code off}. */
    static byte[] frame(byte type, byte[] payload, int off, int len) {
        byte[] f = new byte[1 + len];
        f[0] = type;
        System.arraycopy(payload, off, f, 1, len);
        return f;
    }

    /** An empty frame of {@code type}. */
    static byte[] frame(byte type) {
        return new byte[] {type};
    }

    /** The service's first frame: its version and its token. */
    static byte[] serviceHello(byte[] serviceToken) {
        byte[] f = new byte[1 + serviceToken.length];
        f[0] = (byte) VERSION;
        System.arraycopy(serviceToken, 0, f, 1, serviceToken.length);
        return f;
    }

    /** The bytes after a frame's type. */
    static byte[] payload(byte[] frame) {
        return Arrays.copyOfRange(frame, 1, frame.length);
    }
}
