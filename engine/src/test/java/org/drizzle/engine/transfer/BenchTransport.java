package org.drizzle.engine.transfer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.drizzle.engine.bandwidth.Throttle;

/**
 * HttpTransport alone, writing to a plain file without the store's checkpoints, so the bench can
 * tell the transport's own cost from the engine's durability cost. Prints seconds.
 * Usage: {@code BenchTransport <url> <file> [rounds]}.
 */
public final class BenchTransport {
    private BenchTransport() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        try (HttpTransport transport = new HttpTransport(Throttle.UNLIMITED);
             FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
            for (int i = 0; i < rounds; i++) {
                TestSession session = new TestSession(URI.create(args[0]), file);
                session.sink = channel;
                long t0 = System.nanoTime();
                transport.transfer(session);
                System.out.printf("%.3f%n", (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
