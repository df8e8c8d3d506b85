package org.drizzle.engine.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that records every request head byte for byte, as it arrived (no
 * parser between the client and the record), and answers each with a small 200 body.
 */
public final class RawHttpRecorder implements AutoCloseable {
    public static final byte[] BODY = "recorded".getBytes(StandardCharsets.US_ASCII);
    /** Each request head, in ISO-8859-1 so every byte is one char. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    public RawHttpRecorder() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "raw-http-recorder");
        t.setDaemon(true);
        t.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                int matched = 0;
                int b;
                while (matched < 4 && (b = in.read()) >= 0) {
                    head.write(b);
                    matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                requests.add(head.toString(StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length + "\r\nAccept-Ranges: bytes\r\nETag: \"r1\"\r\n"
                        + "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(BODY);
                out.flush();
            } catch (IOException e) {
                // a client that went away; keep serving
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
