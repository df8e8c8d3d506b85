package org.drizzle.engine.transfer.upload;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The benchmark's Drizzle side: uploads one file with {@link BitsUploadTransport} (state in a
 * fresh temp folder) and prints the seconds and MB/s of the transfer alone. A smaller upload
 * runs first to warm the JIT, as in the long-lived engine process that really runs uploads.
 * Usage: {@code UploadBench <url> <file> [warm-up MiB, default 64]}.
 */
public final class UploadBench {
    private UploadBench() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        Path file = Path.of(args[1]);
        int warmMib = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        try (BitsUploadTransport transport = new BitsUploadTransport()) {
            if (warmMib > 0) {
                Path warm = Files.createTempFile("drizzle-bench-warm", ".bin");
                byte[] data = new byte[warmMib << 20];
                new Random(1).nextBytes(data);
                Files.write(warm, data);
                transport.transfer(new SavedStateSession(Files.createTempDirectory("drizzle-bench-state"),
                        url.resolve("warm-up.bin"), warm));
                Files.delete(warm);
                // Flush the warm-up's dirty pages so they do not compete with the measured upload
                // (the script syncs before each curl run too).
                new ProcessBuilder("sync").inheritIO().start().waitFor();
            }
            long t0 = System.nanoTime();
            transport.transfer(new SavedStateSession(Files.createTempDirectory("drizzle-bench-state"), url, file));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long size = Files.size(file);
            System.out.println(String.format(Locale.ROOT, "%.3f %.1f", seconds, size / seconds / 1e6));
        }
    }
}
