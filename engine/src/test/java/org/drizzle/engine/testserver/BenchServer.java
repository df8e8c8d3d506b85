package org.drizzle.engine.testserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Serves every file of a folder at {@code /<name>} from a {@link FaultServer} (Range, ETag,
 * Last-Modified) for the benchmarks in {@code bench/}; prints the port, then runs until killed.
 * Usage: {@code BenchServer <folder>}.
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: BenchServer <folder>");
            System.exit(2);
        }
        FaultServer server = FaultServer.start();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> server.resource("/" + f.getFileName()).file(f));
        }
        System.out.println(server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
