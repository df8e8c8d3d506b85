package org.drizzle.engine.windows;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A notify program for the tests: writes the arguments it received (after the first, the
 * result file) to that file, then exits with the code given by {@code exit=N} or sleeps on {@code sleep}.
 */
public final class ArgvProbe {
    private ArgvProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            out.writeInt(args.length - 1);
            for (int i = 1; i < args.length; i++) {
                out.writeUTF(args[i]);
            }
        }
        for (String a : args) {
            if (a.equals("sleep")) {
                Thread.sleep(120_000);
            }
            if (a.startsWith("exit=")) {
                System.exit(Integer.parseInt(a.substring(5)));
            }
        }
    }
}
