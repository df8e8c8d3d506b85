package org.drizzle.engine.bandwidth;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The "foreground application" of the namespace tests: a plain, unthrottled HTTP download that
 * downloads as fast as the link lets it for a given time, printing {@code FG <epoch-ms>
 * <bytes>} every 100 ms (bytes received in that interval, counted where they arrive).
 *
 * <p>Usage: {@code NetnsForeground <url> <seconds>}
 */
public final class NetnsForeground {
    private NetnsForeground() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long end = System.currentTimeMillis() + (long) (Double.parseDouble(args[1]) * 1000);
        AtomicLong bytes = new AtomicLong();
        Thread reporter = new Thread(() -> report(bytes, end), "fg-report");
        reporter.start();
        // A raw HTTP/1.1 GET, like curl's: read until time is up, then just close (an HTTP
        // client library would drain the rest of the 2 GB body to reuse the connection).
        URI uri = URI.create(url);
        byte[] buf = new byte[64 * 1024];
        while (System.currentTimeMillis() < end) {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.getOutputStream().write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                int n;
                while (System.currentTimeMillis() < end && (n = in.read(buf)) > 0) {
                    bytes.addAndGet(n);
                }
            }
        }
        reporter.join();
        System.out.println("FGDONE");
    }

    static void report(AtomicLong bytes, long end) {
        long next = System.currentTimeMillis() + 100;
        long last = 0;
        while (next <= end + 100) {
            sleepUntil(next);
            long now = bytes.get();
            System.out.println("FG " + next + " " + (now - last));
            last = now;
            next += 100;
        }
        System.out.flush();
    }

    static void sleepUntil(long millis) {
        long d = millis - System.currentTimeMillis();
        if (d > 0) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
