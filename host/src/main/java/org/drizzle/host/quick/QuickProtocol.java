package org.drizzle.host.quick;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The quick path's wire format, shared by {@link QuickClient} (JDK classes only, so the client
 * JVM starts in milliseconds) and the service's {@link QuickServer}.
 *
 * <p>The service listens on 127.0.0.1 and publishes {@code <port> <token> <service-token>} in its
 * port file ({@link #portFileFor}, mode 0600 in the user's private folder; each token
 * {@link #TOKEN_LENGTH} hex characters, new at every service start). On connect the service, once
 * the kernel's socket table says the client runs as its own uid, writes one byte, its protocol
 * {@link #VERSION}, and the service token; a client that reads another version or another service
 * token (a stale port now used by some other program) hangs up having sent nothing and exits
 * {@link #FALLBACK_EXIT}. Then frames flow, each a type byte, a big-endian int length and that
 * many bytes: the client sends an {@link #AUTH} frame with the token (anything else first, or a
 * wrong token, and the service hangs up), then one {@link #REQUEST}
 * (a {@link QuickRequest}) and later at most a few {@link #CANCEL}s (Ctrl+C); the service answers
 * {@link #STDOUT}/{@link #STDERR} chunks and one {@link #EXIT} (int code), usually after a
 * {@link #STARTED}; or a lone {@link #FALLBACK} when the full host must run the command instead.
 * Any first frame but FALLBACK means the command started.
 */
public final class QuickProtocol {
    public static final int VERSION = 2;
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

    static void writeFrame(DataOutputStream out, byte type, byte[] payload, int off, int len) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(len);
            out.write(payload, off, len);
            out.flush();
        }
    }

    /** A frame read whole, or null at a clean end of stream between frames. */
    record Frame(byte type, byte[] payload) {
    }

    static Frame readFrame(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int len = in.readInt();
        if (len < 0 || len > MAX_FRAME) {
            throw new IOException("Quick-path frame of " + len + " bytes refused (limit " + MAX_FRAME + ").");
        }
        byte[] payload = new byte[len];
        in.readFully(payload);
        return new Frame((byte) type, payload);
    }

    /**
     * The socket adaptor's blocking streams (JDK 13+): unlike {@code Channels.newInputStream}
     * they take no channel-wide lock, so a cancel can be written while a read blocks.
     */
    static InputStream in(SocketChannel ch) throws IOException {
        return ch.socket().getInputStream();
    }

    static OutputStream out(SocketChannel ch) throws IOException {
        return ch.socket().getOutputStream();
    }

    /** Reads the service token that follows the version byte. */
    static byte[] readServiceToken(DataInputStream in) throws IOException {
        byte[] token = new byte[TOKEN_LENGTH];
        in.readFully(token);
        return token;
    }

    static int readVersion(DataInputStream in) throws IOException {
        int v = in.read();
        if (v < 0) {
            throw new EOFException("The quick-path service hung up before saying its version.");
        }
        return v;
    }
}
