package org.drizzle.engine.transfer;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.drizzle.engine.bandwidth.Throttle;

/**
 * HttpTransport alone, writing to plain files without the store's checkpoints, so the benches
 * can tell the transport's own cost from the engine's durability cost. Downloads every URL of
 * the list into the folder, {@code rounds} times, and prints the seconds of each round.
 * Usage: {@code BenchTransport <url-list> <folder> [rounds]}.
 */
public final class BenchTransport {
    private BenchTransport() {
    }

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).toList();
        Path folder = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (HttpTransport transport = new HttpTransport(Throttle.UNLIMITED)) {
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                for (String url : urls) {
                    Path file = folder.resolve(url.substring(url.lastIndexOf('/') + 1));
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                        TestSession session = new TestSession(URI.create(url), file);
                        session.sink = channel;
                        transport.transfer(session);
                    }
                }
                System.out.printf("%.3f%n", (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
