package org.drizzle.engine.transfer.upload;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark's Drizzle side: uploads one file with {@link BitsUploadTransport} (state in a
 * fresh temp folder) and prints the seconds and MB/s of the transfer alone.
 * Usage: {@code UploadBench <url> <file>}.
 */
public final class UploadBench {
    private UploadBench() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        Path file = Path.of(args[1]);
        Path state = Files.createTempDirectory("drizzle-bench-state");
        try (BitsUploadTransport transport = new BitsUploadTransport()) {
            long t0 = System.nanoTime();
            transport.transfer(new DiskFileSession(state, url, file));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long size = Files.size(file);
            System.out.println(String.format(Locale.ROOT, "%.3f %.1f", seconds, size / seconds / 1e6));
        }
    }
}
