package org.drizzle.engine.transfer.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw-socket BITS server with the quirks other implementations show: Acks without
 * Content-Length (the connection closes after each), silence (no Ack at all), the spec's
 * {@code BITS-Error} header with an {@code x}-prefixed value, and session ids that are not GUIDs.
 */
final class OddServer implements AutoCloseable {
    final List<String> packets = new CopyOnWriteArrayList<>();
    /** Read requests but never answer (the client's response timeout must end the wait). */
    volatile boolean hang;
    /** Answer the first Fragment with 500 + "BITS-Error: x8020001F" (session lost). */
    volatile boolean loseFirstSession;
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private final Thread thread = new Thread(this::serve, "odd-bits-server");

    OddServer() throws IOException {
        thread.setDaemon(true);
        thread.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(10_000);
                String reply = answer(s.getInputStream());
                if (hang) {
                    s.getInputStream().read();
                    continue;
                }
                OutputStream out = s.getOutputStream();
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the client went away; serve the next one
            }
        }
    }

    private String answer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("eof");
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        String type = header(h, "bits-packet-type");
        long length = Long.parseLong(header(h, "content-length"));
        in.readNBytes((int) length);
        packets.add(type);
        String base = "HTTP/1.1 %s\r\nBITS-Packet-Type: Ack\r\nConnection: close\r\n";
        switch (type.toLowerCase(Locale.ROOT)) {
            case "create-session":
                held.set(0);
                return String.format(base, "201 Created") + "BITS-Protocol: " + BitsProtocol.PROTOCOL_GUID.toUpperCase(Locale.ROOT)
                        + "\r\nBITS-Session-Id: session number " + sessions.incrementAndGet() + "\r\n\r\n";
            case "fragment":
                if (loseFirstSession) {
                    loseFirstSession = false;
                    return String.format(base, "500 Internal Server Error") + "BITS-Error: x8020001F\r\n\r\n";
                }
                String range = header(h, "content-range");
                long last = Long.parseLong(range.replaceAll(".*-(\\d+)/.*", "$1"));
                held.set(last + 1);
                return String.format(base, "200 OK") + "BITS-Received-Content-Range: " + held.get() + "\r\n\r\n";
            default:
                return String.format(base, "200 OK") + "\r\n";
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "0";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
